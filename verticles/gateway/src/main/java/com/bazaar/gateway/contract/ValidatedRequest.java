package com.bazaar.gateway.contract;

import io.vertx.core.json.JsonObject;

/** Parameters and body after validation, typed by the contract. */
public record ValidatedRequest(JsonObject params, JsonObject query, JsonObject headers, Object body) {
}
