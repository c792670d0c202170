package com.bazaar.platform.bus;

import com.bazaar.platform.error.ApiError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.Base64;

/**
 * The request envelope on the bus: validated path, query and header parameters, the JSON body, the caller and
 * the request id. It is plain JSON so a process in any language can serve an address; {@link #toJson} and
 * {@link #fromJson} are its one codec, used by the gateway, the bindings, the clients and the tests.
 */
public record BusRequest(JsonObject params, JsonObject query, JsonObject headers, Object body,
                         Principal principal, String requestId) {

  /** A service-to-service request: a body and the caller, no parameters. */
  public static BusRequest of(Object body, Principal principal) {
    return new BusRequest(new JsonObject(), new JsonObject(), new JsonObject(), body, principal, null);
  }

  public String param(String name) {
    return params.getString(name);
  }

  public String queryString(String name) {
    Object v = query.getValue(name);
    return v == null ? null : String.valueOf(v);
  }

  public String header(String name) {
    return headers.getString(name.toLowerCase());
  }

  public JsonObject bodyObject() {
    if (body instanceof JsonObject json) {
      return json;
    }
    throw ApiError.badRequest("BODY_REQUIRED", "A JSON object body is required", null);
  }

  /**
   * The exact bytes the client sent, for an operation marked {@code x-bazaar-raw-body} (a signature is computed over
   * them, and re-encoded JSON would not match). The gateway has still checked them against the contract.
   */
  public Buffer rawBody() {
    if (body instanceof String encoded) {
      try {
        return Buffer.buffer(Base64.getDecoder().decode(encoded));
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest("BODY_REQUIRED", "The raw body is not base64", null);
      }
    }
    throw ApiError.badRequest("BODY_REQUIRED", "A body is required", null);
  }

  /** How the gateway carries a raw body in the JSON envelope. */
  public static String encodeRaw(Buffer raw) {
    return Base64.getEncoder().encodeToString(raw.getBytes());
  }

  public JsonObject toJson() {
    return new JsonObject()
      .put("params", params)
      .put("query", query)
      .put("headers", headers)
      .put("body", body)
      .put("principal", principal.toJson())
      .put("requestId", requestId);
  }

  public static BusRequest fromJson(JsonObject json) {
    return new BusRequest(
      json.getJsonObject("params", new JsonObject()),
      json.getJsonObject("query", new JsonObject()),
      json.getJsonObject("headers", new JsonObject()),
      json.getValue("body"),
      Principal.fromJson(json.getJsonObject("principal")),
      json.getString("requestId"));
  }
}
