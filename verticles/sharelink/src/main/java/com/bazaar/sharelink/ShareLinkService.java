package com.bazaar.sharelink;

import com.bazaar.platform.auth.Ownership;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.error.ErrorMapper;
import com.bazaar.platform.paging.Page;
import com.bazaar.platform.paging.PageRequest;
import com.bazaar.platform.paging.TimeCursor;
import com.bazaar.pricing.api.MarginVerdict;
import com.bazaar.pricing.api.PricingClient;
import com.bazaar.product.api.ProductClient;
import com.bazaar.product.api.ProductSummary;
import com.bazaar.sharelink.ResolveCache.Resolved;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** Creating, listing, changing and resolving links. Resolving is served from memory and never waits for a write. */
final class ShareLinkService {
  private static final int CODE_ATTEMPTS = 5;

  private final ShareLinkRepository links;
  private final ResolveCache cache;
  private final ClickRecorder clicks;
  private final PricingClient pricing;
  private final ProductClient products;
  private final ShareLinkSettings settings;

  ShareLinkService(ShareLinkRepository links, ResolveCache cache, ClickRecorder clicks, PricingClient pricing,
                   ProductClient products, ShareLinkSettings settings) {
    this.links = links;
    this.cache = cache;
    this.clicks = clicks;
    this.pricing = pricing;
    this.products = products;
    this.settings = settings;
  }

  Future<JsonObject> create(Principal reseller, LinkDraft draft) {
    return checkedPrice(draft.productId(), draft.sellerPrice())
      .compose(verdict -> insertWithFreshCode(UUID.fromString(reseller.userId()), draft, verdict.currency(), 1))
      .map(link -> link.toJson(settings.publicBaseUrl()));
  }

  Future<JsonObject> list(Principal reseller, PageRequest page) {
    TimeCursor after = TimeCursor.decode(page.cursor());
    return links.page(UUID.fromString(reseller.userId()), TimeCursor.timeOf(after), TimeCursor.idOf(after),
        page.fetchSize())
      .map(rows -> Page.of(rows, page, link -> link.toJson(settings.publicBaseUrl()),
        last -> TimeCursor.encode(last.createdAt(), last.id())));
  }

  /** The owner's change: {@code isActive} and {@code expiresAt} (null clears it). Others get 404. */
  Future<JsonObject> update(Principal caller, String code, JsonObject patch) {
    return owned(caller, code).compose(link -> {
      boolean active = patch.getBoolean("isActive", link.active());
      OffsetDateTime expiresAt = patch.containsKey("expiresAt") ? LinkDraft.expiry(patch.getValue("expiresAt"))
        : link.expiresAt();
      return links.update(link.id(), active, expiresAt);
    }).compose(updated -> cache.linkChanged(updated).map(updated.toJson(settings.publicBaseUrl())));
  }

  /** The public answer for a code, with a click counted; 404 unknown, 410 inactive, expired or product gone. */
  Future<Buffer> resolve(String code, Supplier<String> visitor) {
    return counted(code, visitor).map(Resolved::body);
  }

  /** Where a browser goes: the storefront's product page, with the code as {@code ref}; a click is counted. */
  Future<String> redirect(String code, Supplier<String> visitor) {
    return counted(code, visitor).map(resolved -> settings.storefrontFor(resolved.productSlug(), code));
  }

  /** A usable link's answer, with its click and visitor counted (when recording is on). */
  private Future<Resolved> counted(String code, Supplier<String> visitor) {
    return resolved(code).map(resolved -> {
      usable(resolved);
      if (settings.recordClicks()) {
        clicks.record(resolved.link().id(), visitor.get());
      }
      return resolved;
    });
  }

  /** The owned link, or 404 for anyone else: whether a code exists is not revealed. */
  Future<ShareLink> owned(Principal caller, String code) {
    if (!LinkCodes.wellFormed(code)) {
      return Future.failedFuture(ApiError.notFound("share link"));
    }
    return links.byCodeForWrite(code).map(link -> {
      if (link == null || !Ownership.isOwnerOrAdmin(caller, link.resellerId().toString())) {
        throw ApiError.notFound("share link");
      }
      return link;
    });
  }

  /** The link of a code with its state checked (404, 410), for resolving and for orders. */
  Future<ShareLink> usableLink(String code) {
    return resolved(code).map(resolved -> {
      usable(resolved);
      return resolved.link();
    });
  }

  /** The margin rules on a price: 422 {@code UNKNOWN_PRODUCT} or {@code PRICE_OUTSIDE_MARGIN} with the bounds. */
  Future<MarginVerdict> checkedPrice(UUID productId, long sellerPrice) {
    return pricing.validateMargin(productId, sellerPrice)
      .recover(e -> Future.failedFuture(ErrorMapper.map(e).status() == 404
        ? ApiError.unprocessable("UNKNOWN_PRODUCT", "No priced product has this id",
          new JsonObject().put("productId", productId.toString()))
        : e))
      .map(verdict -> {
        if (!verdict.valid()) {
          throw ApiError.unprocessable("PRICE_OUTSIDE_MARGIN", "The seller price is outside the margin rules",
            new JsonObject().put("reason", verdict.reason()).put("sellerPrice", sellerPrice)
              .put("minPrice", verdict.minPrice()).put("maxPrice", verdict.maxPrice())
              .put("basePrice", verdict.basePrice()).put("minMarginBps", verdict.minMarginBps())
              .put("currency", verdict.currency()));
        }
        return verdict;
      });
  }

  private Future<Resolved> resolved(String code) {
    if (!LinkCodes.wellFormed(code)) {
      return Future.failedFuture(ApiError.notFound("share link"));
    }
    Resolved hit = cache.near(code);
    if (hit != null) {
      return Future.succeededFuture(hit);
    }
    return cache.link(code, () -> links.byCode(code)).compose(link -> {
      if (link == null) {
        return Future.failedFuture(ApiError.notFound("share link"));
      }
      return products.summaries(Set.of(link.productId())).map(found -> {
        ProductSummary product = found.get(link.productId());
        boolean sold = product != null && product.active();
        Resolved resolved = new Resolved(link, sold ? product.slug() : null, answer(link, sold ? product : null));
        cache.remember(resolved);
        return resolved;
      });
    });
  }

  private Buffer answer(ShareLink link, ProductSummary product) {
    JsonObject body = new JsonObject()
      .put("code", link.code())
      .put("url", settings.publicBaseUrl() + link.code())
      .put("sellerPrice", link.sellerPrice())
      .put("currency", link.currency())
      .put("expiresAt", link.expiresAt() == null ? null : link.expiresAt().toInstant().toString())
      .put("product", product == null ? null : new JsonObject()
        .put("id", product.productId().toString())
        .put("name", product.name())
        .put("slug", product.slug())
        .put("price", link.sellerPrice())
        .put("currency", link.currency()));
    return body.toBuffer();
  }

  private static void usable(Resolved resolved) {
    ShareLink link = resolved.link();
    if (!link.active()) {
      throw new ApiError(410, "LINK_INACTIVE", "This share link was deactivated by its owner");
    }
    if (link.expired()) {
      throw new ApiError(410, "LINK_EXPIRED", "This share link has expired");
    }
    if (resolved.productSlug() == null) {
      throw new ApiError(410, "PRODUCT_UNAVAILABLE", "The product of this share link is no longer sold");
    }
  }

  private Future<ShareLink> insertWithFreshCode(UUID reseller, LinkDraft draft, String currency, int attempt) {
    return links.insert(reseller, LinkCodes.next(settings.codeLength()), draft, currency).compose(link -> {
      if (link != null) {
        return Future.succeededFuture(link);
      }
      if (attempt >= CODE_ATTEMPTS) {
        return Future.failedFuture(ApiError.unavailable("Could not draw a free link code; try again"));
      }
      return insertWithFreshCode(reseller, draft, currency, attempt + 1);
    });
  }
}
