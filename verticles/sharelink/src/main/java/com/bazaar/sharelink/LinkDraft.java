package com.bazaar.sharelink;

import com.bazaar.platform.Ids;
import com.bazaar.platform.error.ApiError;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** A link to create: {@code {"productId","sellerPrice","expiresAt"?}}; the reseller comes from the token. */
record LinkDraft(UUID productId, long sellerPrice, OffsetDateTime expiresAt) {

  static LinkDraft fromJson(JsonObject json) {
    OffsetDateTime expiresAt = LinkDraft.expiry(json.getValue("expiresAt"));
    return new LinkDraft(Ids.parse(json.getString("productId"), "productId"), json.getLong("sellerPrice"), expiresAt);
  }

  /** An expiry that is not in the future is a 400, as the contract says. */
  static OffsetDateTime expiry(Object raw) {
    if (raw == null) {
      return null;
    }
    OffsetDateTime expiresAt;
    try {
      expiresAt = OffsetDateTime.parse(raw.toString());
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest("INVALID_EXPIRY", "expiresAt is not an ISO-8601 date-time with an offset", null);
    }
    if (!expiresAt.isAfter(OffsetDateTime.now())) {
      throw ApiError.badRequest("EXPIRY_IN_PAST", "expiresAt must be in the future",
        new JsonObject().put("expiresAt", raw.toString()));
    }
    return expiresAt;
  }
}
