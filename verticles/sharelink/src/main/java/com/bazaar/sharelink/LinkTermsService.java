package com.bazaar.sharelink;

import com.bazaar.sharelink.api.LinkTerms;
import io.vertx.core.Future;

/**
 * The bus contract for orders: may this link be sold through, and on what terms. The link must be usable, and its
 * seller price must still pass the margin rules (pricing may have changed since the link was made). Which of an
 * order's lines are of the linked product is the order's business: it knows its variants' products.
 */
final class LinkTermsService {
  private final ShareLinkService links;

  LinkTermsService(ShareLinkService links) {
    this.links = links;
  }

  Future<LinkTerms> terms(String code) {
    return links.usableLink(code).compose(link -> links.checkedPrice(link.productId(), link.sellerPrice())
      .map(verdict -> new LinkTerms(link.id(), link.code(), link.resellerId(), link.productId(), link.sellerPrice(),
        link.currency(), verdict.commissionRateBps())));
  }
}
