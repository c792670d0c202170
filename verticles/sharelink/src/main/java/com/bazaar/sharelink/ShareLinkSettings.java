package com.bazaar.sharelink;

import io.vertx.core.json.JsonObject;

/** The {@code sharelink} section of the config. */
record ShareLinkSettings(String publicBaseUrl, String storefrontUrl, int codeLength, String visitorSalt, boolean recordClicks,
                         long clickFlushMs, int clickFlushThreshold, int nearCacheTtlSec, long nearCacheMaxEntries,
                         int redisTtlSec, int visitorDays) {

  static ShareLinkSettings from(JsonObject config) {
    JsonObject s = config.getJsonObject("sharelink");
    return new ShareLinkSettings(s.getString("publicBaseUrl"), s.getString("storefrontUrl"), s.getInteger("codeLength"),
      s.getString("visitorSalt"), s.getBoolean("recordClicks"), s.getLong("clickFlushMs"), s.getInteger("clickFlushThreshold"),
      s.getInteger("nearCacheTtlSec"), s.getLong("nearCacheMaxEntries"), s.getInteger("redisTtlSec"),
      s.getInteger("visitorDays"));
  }

  /** Where a browser opening the link lands: the storefront's product page, with the code as {@code ref}. */
  String storefrontFor(String productSlug, String code) {
    return storefrontUrl.replace("{slug}", productSlug) + (storefrontUrl.contains("?") ? "&" : "?") + "ref=" + code;
  }
}
