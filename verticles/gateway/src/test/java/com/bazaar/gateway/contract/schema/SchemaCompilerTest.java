package com.bazaar.gateway.contract.schema;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaCompilerTest {
  private static final JsonObject DOCUMENT = new JsonObject("""
    {"components":{"schemas":{
      "Uuid":{"type":"string","pattern":"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"},
      "Money":{"type":"integer","minimum":0,"maximum":1000},
      "Line":{"type":"object","additionalProperties":false,"required":["productId","quantity"],
              "properties":{"productId":{"$ref":"app:///#/components/schemas/Uuid"},"quantity":{"type":"integer","minimum":1},
                            "sellerPrice":{"$ref":"#/components/schemas/Money"},"note":{"type":["string","null"],"maxLength":3}}},
      "Cart":{"type":"object","required":["items"],"minProperties":1,
              "properties":{"items":{"type":"array","minItems":1,"maxItems":2,"items":{"$ref":"#/components/schemas/Line"}},
                            "sort":{"enum":["newest","name"]},"tags":{"type":"array","uniqueItems":true,"items":{"type":"string"}},
                            "owner":{"oneOf":[{"$ref":"#/components/schemas/Uuid"},{"type":"null"}]}}}}}}""");
  private final SchemaCompiler compiler = new SchemaCompiler(DOCUMENT);
  private final SchemaCheck cart = compiler.compile(new JsonObject().put("$ref", "#/components/schemas/Cart"));
  private static final String ID = "9b2f6c1e-5a4b-4c3d-8e2f-1a2b3c4d5e6f";

  private static JsonObject line() {
    return new JsonObject().put("productId", ID).put("quantity", 2);
  }

  private List<String> problems(Object value) {
    return cart.problems(value).stream().map(p -> p.field() + " " + p.problem()).toList();
  }

  @Test
  void a_valid_document_has_no_problems() {
    JsonObject valid = new JsonObject().put("items", new JsonArray().add(line().put("sellerPrice", 5).put("note", null)))
      .put("sort", "name").put("tags", new JsonArray().add("a").add("b")).put("owner", ID);

    assertThat(problems(valid)).isEmpty();
  }

  @Test
  void every_problem_is_reported_with_its_field() {
    JsonObject broken = new JsonObject()
      .put("items", new JsonArray()
        .add(new JsonObject().put("productId", "nope").put("quantity", 0).put("extra", true))
        .add(line().put("sellerPrice", 5000).put("note", "long")).add(line()))
      .put("sort", "oldest").put("tags", new JsonArray().add("a").add("a")).put("owner", 42);

    assertThat(problems(broken)).containsExactlyInAnyOrder(
      "/items must have at most 2 items",
      "/items/0/productId must match ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
      "/items/0/quantity must be at least 1",
      "/items/0/extra is not an accepted field",
      "/items/1/sellerPrice must be at most 1000",
      "/items/1/note must have at most 3 characters",
      "/sort must be one of [newest, name]",
      "/tags must not repeat items",
      "/owner matches none of the allowed forms");
  }

  @Test
  void types_and_required_fields_are_checked() {
    assertThat(problems(new JsonArray())).contains(" must be an object");
    assertThat(problems(new JsonObject().put("sort", "name"))).containsExactly("/items is required");
    assertThat(problems(new JsonObject().put("items", new JsonArray().add(line().put("quantity", 2.5)))))
      .containsExactly("/items/0/quantity must be an integer");
  }

  @Test
  void json_schema_s_own_readings_of_integers_spaces_and_dates() {
    SchemaCheck integer = compiler.compile(new JsonObject().put("type", "integer"));
    SchemaCheck email = compiler.compile(new JsonObject().put("pattern", "^[^@\\s]+@[^@\\s]+$"));
    SchemaCheck date = compiler.compile(new JsonObject().put("format", "date"));
    SchemaCheck dateTime = compiler.compile(new JsonObject().put("format", "date-time"));

    assertThat(integer.problems(2.0)).isEmpty();
    assertThat(integer.problems(2.5)).isNotEmpty();
    assertThat(email.problems("a@b")).isEmpty();
    assertThat(email.problems("\u00a0a@b")).isNotEmpty();
    assertThat(date.problems("2026-11-30")).isEmpty();
    assertThat(date.problems("+10043-04-11")).isNotEmpty();
    assertThat(dateTime.problems("2016-12-31T23:59:60Z")).isEmpty();
    assertThat(dateTime.problems("2026-11-30T10:15Z")).isNotEmpty();
    assertThat(dateTime.problems("2026-11-30T23:59:60Z")).isEmpty();
    assertThat(dateTime.problems("2026-11-30T10:59:60Z")).isNotEmpty();
  }

  @Test
  void a_number_with_a_zero_fraction_reaches_the_service_as_an_integer() {
    Object decoded = JsonText.decode(io.vertx.core.buffer.Buffer.buffer("{\"q\":2.0,\"r\":2.5,\"s\":[1e2]}"));

    assertThat(decoded).isEqualTo(new JsonObject().put("q", 2L).put("r", 2.5).put("s", new JsonArray().add(100L)));
    assertThat(((JsonObject) decoded).getValue("q")).isInstanceOf(Long.class);
  }

  @Test
  void a_keyword_the_validator_does_not_know_is_refused_at_start() {
    assertThatThrownBy(() -> compiler.compile(new JsonObject().put("type", "string").put("contentEncoding", "base64")))
      .hasMessageContaining("contentEncoding");
  }
}
