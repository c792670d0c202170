package com.bazaar.sharelink;

import com.bazaar.platform.error.ApiError;
import com.bazaar.product.api.StockClient;
import com.bazaar.product.api.VariantSnapshot;
import com.bazaar.sharelink.api.LinkTerms;
import com.bazaar.sharelink.api.TermsQuery;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * The bus contract for orders: may this variant be sold through this link, and on what terms. The link must be
 * usable, the variant must belong to the link's product, and the seller price must still pass the margin rules
 * (pricing may have changed since the link was made).
 */
final class LinkTermsService {
  private final ShareLinkService links;
  private final StockClient variants;

  LinkTermsService(ShareLinkService links, StockClient variants) {
    this.links = links;
    this.variants = variants;
  }

  Future<LinkTerms> terms(TermsQuery query) {
    return links.usableLink(query.code()).compose(link -> variants.lookup(Set.of(query.variantId())).compose(found -> {
      VariantSnapshot variant = found.get(query.variantId());
      if (variant == null || !variant.productId().equals(link.productId())) {
        return Future.failedFuture(ApiError.unprocessable("VARIANT_NOT_IN_LINK",
          "This variant is not of the linked product", new JsonObject().put("variantId", query.variantId().toString())));
      }
      return links.checkedPrice(link.productId(), link.sellerPrice()).map(verdict -> new LinkTerms(link.id(),
        link.code(), link.resellerId(), link.productId(), link.sellerPrice(), link.currency(),
        verdict.commissionRateBps()));
    }));
  }
}
