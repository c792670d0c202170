package com.bazaar.gateway.contract;

import com.bazaar.platform.error.ApiError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import com.bazaar.gateway.contract.schema.SchemaCheck;
import com.bazaar.gateway.contract.schema.SchemaCompiler;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.Parameter;

import java.util.List;

/**
 * One path, query or header parameter of an operation, with its schema validator built once at start.
 * Converts the raw string by the schema's type (not by guessing from the value), then validates it. An absent
 * optional parameter takes the schema's {@code default}: the contract is the only place a default is written.
 */
final class ParamRule {
  final String name;
  final String in;
  private final boolean required;
  private final SchemaType type;
  private final SchemaType itemType;
  private final SchemaCheck check;
  private final Object defaultValue;

  ParamRule(Parameter parameter, SchemaCompiler schemas) {
    this.name = parameter.getName();
    this.in = parameter.getIn().name().toLowerCase();
    this.required = parameter.isRequired();
    this.type = parameter.getSchemaType();
    JsonObject schema = RequestValidator.json(parameter.getSchema());
    JsonObject raw = schema.getValue("items") instanceof JsonObject items ? items : null;
    this.itemType = raw == null ? null : schemaType(raw.getString("type"));
    if (type == SchemaType.OBJECT || type == SchemaType.ARRAY && itemType == null) {
      throw new IllegalArgumentException("Parameter " + name + ": object parameters and untyped arrays are not supported");
    }
    this.check = schemas.compile(schema);
    Object declared = schema.getValue("default");
    this.defaultValue = declared instanceof Number n && type == SchemaType.INTEGER ? (Object) n.longValue() : declared;
    if (defaultValue != null && !check.problems(defaultValue).isEmpty()) {
      throw new IllegalArgumentException("Parameter " + name + ": its default breaks its own schema");
    }
  }

  /** @return the typed value; for an absent optional parameter, the contract's default, or null without one */
  Object validate(List<String> rawValues) {
    if (rawValues == null || rawValues.isEmpty()) {
      if (required) {
        throw invalid("is required");
      }
      return defaultValue;
    }
    rawValues.forEach(raw -> TextRule.require(raw, in + " parameter " + name));
    if (type != SchemaType.ARRAY && rawValues.size() > 1) {
      throw invalid("is given more than once");
    }
    Object value = type == SchemaType.ARRAY ? toArray(rawValues) : convert(type, rawValues.get(0));
    List<SchemaCheck.Problem> problems = check.problems(value);
    if (!problems.isEmpty()) {
      throw invalid(problems.get(0).problem());
    }
    return value;
  }

  /** Every value of a repeated array parameter counts ({@code a=1&a=2}), and each may be a comma list ({@code a=1,2}). */
  private JsonArray toArray(List<String> rawValues) {
    JsonArray array = new JsonArray();
    for (String raw : rawValues) {
      for (String part : raw.split(",")) {
        array.add(convert(itemType, part));
      }
    }
    return array;
  }

  private Object convert(SchemaType as, String raw) {
    try {
      switch (as) {
        case INTEGER:
          return Long.parseLong(raw);
        case NUMBER:
          return Double.parseDouble(raw);
        case BOOLEAN:
          if (raw.equals("true") || raw.equals("false")) {
            return Boolean.parseBoolean(raw);
          }
          throw invalid("must be true or false");
        default:
          return raw;
      }
    } catch (NumberFormatException e) {
      throw invalid("must be " + (as == SchemaType.INTEGER ? "an integer" : "a number"));
    }
  }

  private ApiError invalid(String problem) {
    String message = in + " parameter '" + name + "' " + problem;
    return ApiError.badRequest("INVALID_PARAMETER", message,
      new JsonObject().put("in", in).put("name", name).put("problem", problem));
  }

  private static SchemaType schemaType(String type) {
    return type == null ? null : SchemaType.valueOf(type.toUpperCase());
  }
}
