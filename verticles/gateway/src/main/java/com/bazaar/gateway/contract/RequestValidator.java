package com.bazaar.gateway.contract;

import com.bazaar.platform.error.ApiError;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import com.bazaar.gateway.contract.schema.JsonText;
import com.bazaar.gateway.contract.schema.SchemaCheck;
import com.bazaar.gateway.contract.schema.SchemaCompiler;
import io.vertx.json.schema.JsonSchema;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.RequestBody;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Validates a request against its operation in the contract, on the event loop, with validators built once at
 * start. Unknown query parameters are rejected: a typo such as {@code ?catgory=} must not silently widen a list.
 */
public final class RequestValidator {
  private static final String JSON = "application/json";

  private final List<ParamRule> path = new ArrayList<>();
  private final List<ParamRule> query = new ArrayList<>();
  private final List<ParamRule> headers = new ArrayList<>();
  private final Set<String> knownQuery = new HashSet<>();
  private final SchemaCheck body;
  private final boolean bodyRequired;

  public RequestValidator(Operation operation, SchemaCompiler schemas) {
    for (Parameter parameter : operation.getParameters()) {
      ParamRule rule = new ParamRule(parameter, schemas);
      if (parameter.getIn() == Location.PATH) {
        path.add(rule);
      } else if (parameter.getIn() == Location.QUERY) {
        query.add(rule);
        knownQuery.add(rule.name);
      } else if (parameter.getIn() == Location.HEADER) {
        headers.add(rule);
      }
    }
    RequestBody requestBody = operation.getRequestBody();
    if (requestBody != null) {
      MediaType json = requestBody.getContent().get(JSON);
      if (json == null) {
        throw new IllegalArgumentException(operation.getOperationId() + ": only application/json bodies are supported");
      }
      this.body = schemas.compile(json(json.getSchema()));
      this.bodyRequired = requestBody.isRequired();
    } else {
      this.body = null;
      this.bodyRequired = false;
    }
  }

  public ValidatedRequest validate(RoutingContext rc) {
    Map<String, List<String>> params = queryOf(rc.request().uri());
    for (String name : params.keySet()) {
      if (!knownQuery.contains(name)) {
        throw ApiError.badRequest("UNKNOWN_PARAMETER", "query parameter '" + name + "' is not accepted here",
          new JsonObject().put("in", "query").put("name", name).put("accepted", new JsonArray(List.copyOf(knownQuery))));
      }
    }
    JsonObject pathValues = new JsonObject();
    for (ParamRule rule : path) {
      String raw = rc.pathParam(rule.name);
      putIfPresent(pathValues, rule.name, rule.validate(raw == null ? null : List.of(raw)));
    }
    JsonObject queryValues = new JsonObject();
    for (ParamRule rule : query) {
      putIfPresent(queryValues, rule.name, rule.validate(params.get(rule.name)));
    }
    JsonObject headerValues = new JsonObject();
    for (ParamRule rule : headers) {
      putIfPresent(headerValues, rule.name.toLowerCase(), rule.validate(rc.request().headers().getAll(rule.name)));
    }
    return new ValidatedRequest(pathValues, queryValues, headerValues, validateBody(rc));
  }

  private Object validateBody(RoutingContext rc) {
    if (body == null) {
      return null;
    }
    Buffer raw = rc.body().buffer();
    if (raw == null || raw.length() == 0) {
      if (bodyRequired) {
        throw ApiError.badRequest("BODY_REQUIRED", "A JSON body is required", null);
      }
      return null;
    }
    Object value = decode(raw);
    TextRule.check(value, "");
    List<SchemaCheck.Problem> problems = body.problems(value);
    if (!problems.isEmpty()) {
      SchemaCheck.Problem first = problems.get(0);
      JsonArray errors = new JsonArray();
      problems.forEach(p -> errors.add(new JsonObject().put("field", p.field()).put("problem", p.problem())));
      throw ApiError.badRequest("INVALID_BODY", "The body does not match the contract: "
        + (first.field().isEmpty() ? "the body" : first.field()) + " " + first.problem(),
        new JsonObject().put("errors", errors));
    }
    return value;
  }

  private static Object decode(Buffer raw) {
    try {
      return JsonText.decode(raw);
    } catch (DecodeException e) {
      throw ApiError.badRequest("MALFORMED_JSON", "The body is not valid JSON (or repeats a key)", null);
    }
  }

  /**
   * The query parameters by exact name: Vert.x's own map ignores case, which let {@code limit=1&Limit=2} past the
   * unknown-parameter rule.
   */
  private static Map<String, List<String>> queryOf(String uri) {
    try {
      return new QueryStringDecoder(uri, StandardCharsets.UTF_8).parameters();
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("INVALID_ENCODING", "The query has a broken percent-encoding", null);
    }
  }

  /** A schema of the contract as plain JSON (nested {@code $ref}s stay as references). */
  static JsonObject json(JsonSchema schema) {
    JsonObject json = new JsonObject();
    for (String key : schema.fieldNames()) {
      json.put(key, (Object) schema.get(key));
    }
    return json;
  }

  private static void putIfPresent(JsonObject target, String name, Object value) {
    if (value != null) {
      target.put(name, value);
    }
  }
}
