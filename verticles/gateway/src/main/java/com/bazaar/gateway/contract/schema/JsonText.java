package com.bazaar.gateway.contract.schema;

import com.fasterxml.jackson.core.JsonParser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;

/** A request body decoded the way the schema checks and the services expect to see it. */
public final class JsonText {
  /** Doubles are exact integers up to here; past it an integral double stays a double. */
  private static final double EXACT = 9_007_199_254_740_992d;

  private JsonText() {
  }

  /**
   * Decodes JSON, refusing a key given twice in one object (parsers disagree on which one wins, and that
   * disagreement is how a value slips past a check in front of a service). A number written with a zero fraction,
   * such as {@code 2.0}, is an integer in JSON Schema and becomes a {@link Long}, so a service that reads an integer
   * field never meets a double.
   *
   * @throws DecodeException when the text is not JSON or repeats a key
   */
  public static Object decode(Buffer text) {
    JsonParser parser = JacksonCodec.createParser(text);
    parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return integral(JacksonCodec.fromParser(parser, Object.class));
  }

  private static Object integral(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) <= EXACT) {
      return d.longValue();
    }
    if (value instanceof JsonObject object) {
      object.getMap().replaceAll((name, field) -> integral(field));
    } else if (value instanceof JsonArray array) {
      array.getList().replaceAll(JsonText::integral);
    }
    return value;
  }
}
