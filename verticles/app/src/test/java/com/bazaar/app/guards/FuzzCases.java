package com.bazaar.app.guards;

import com.bazaar.gateway.contract.schema.Mutations;
import com.bazaar.gateway.contract.schema.SchemaValues;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.Parameter;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.stream.Collectors;

/**
 * Builds the fuzzer's requests for one operation: the access fixture's real call (real ids, an allowed caller) is
 * the base, then either a valid variant generated from the operation's schemas, or one mutation of it. The base
 * is prepared only when a case is sent ({@link Planned#build}), so generating and shrinking cost nothing.
 */
final class FuzzCases {
  /** Which field of the body a mutation hits: an index into its pointers, modulo their number. */
  private static final Gen<Integer> WHERE = Generate.range(0, 1_000_000);

  private final Actors actors;
  private final SchemaValues values;
  private final Map<String, Fixture> fixtures;

  /** A case as generated: what to do to the base call, and a description for the report. */
  record Planned(ContractOperations.Op op, String kind, boolean valid, Mutation mutation) {
    FuzzCase build(FuzzCases cases) {
      return cases.build(this);
    }

    @Override
    public String toString() {
      return op.id() + " [" + kind + "]";
    }
  }

  /** Turns the base call's body (null when none) and query into the request to send. */
  interface Mutation {
    Sent apply(Object body, String uri, Map<String, String> headers);
  }

  /** What is sent: the uri, the body bytes (null for none) and the content type (null to keep JSON). */
  record Sent(String uri, Buffer body, String contentType) {
  }

  FuzzCases(Actors actors, SchemaValues values, Map<String, Fixture> fixtures) {
    this.actors = actors;
    this.values = values;
    this.fixtures = fixtures;
  }

  /** The caller the contract lets call the operation. */
  static Caller allowed(ContractOperations.Op op) {
    if (op.access().isPublic()) {
      return Caller.ANONYMOUS;
    }
    if (op.access().roles().isEmpty()) {
      return Caller.CUSTOMER;
    }
    for (Caller caller : List.of(Caller.ADMIN, Caller.RESELLER, Caller.CUSTOMER)) {
      if (op.access().roles().contains(caller.role)) {
        return caller;
      }
    }
    throw new IllegalStateException(op.id());
  }

  /** Requests the contract accepts: the fixture's own, with generated query parameters, with a generated body. */
  Gen<Planned> valid(ContractOperations.Op op) {
    return oneOf(validKinds(op));
  }

  /** Valid requests and every mutation of them. */
  Gen<Planned> of(ContractOperations.Op op) {
    List<Gen<Planned>> kinds = validKinds(op);
    JsonObject bodySchema = bodySchema(op);
    if (bodySchema != null) {
      kinds.add(Generate.pick(Mutations.WRONG_TYPES).zip(WHERE, (wrong, where) -> at(op, "wrong type " + wrong, wrong, where)));
      kinds.add(Generate.pick(Mutations.ODD_STRINGS).zip(WHERE, (odd, where) -> at(op, "odd string", odd, where)));
      kinds.add(WHERE.map(where -> at(op, "missing field", Mutations.REMOVE, where)));
      kinds.add(Generate.pick(Mutations.ODD_NUMBERS).zip(WHERE, (number, where) -> new Planned(op, "number " + number,
        false, (body, uri, h) -> new Sent(uri, oddNumber(body, number, where), null))));
      kinds.add(Generate.constant(() -> new Planned(op, "extra field", false, (body, uri, h) -> new Sent(uri,
        json(body instanceof JsonObject o ? o.copy().put("zzUnexpected", true) : body), null))));
      kinds.add(Generate.pick(List.of(1_000, 5_000, 50_000)).map(depth -> new Planned(op, "nesting " + depth, false,
        (body, uri, h) -> new Sent(uri, Mutations.deepNesting(depth), null))));
      kinds.add(Generate.constant(() -> new Planned(op, "duplicate key", false, (body, uri, h) -> new Sent(uri,
        Mutations.duplicateKey(body instanceof JsonObject o ? o : new JsonObject()), null))));
      kinds.add(Generate.constant(() -> new Planned(op, "broken JSON", false, (body, uri, h) -> new Sent(uri,
        Mutations.brokenJson(json(body == null ? new JsonObject().put("a", 1) : body)), null))));
      kinds.add(Generate.pick(List.of("text/plain", "application/xml", "multipart/form-data; boundary=x"))
        .map(type -> new Planned(op, "content type " + type, false, (body, uri, h) -> new Sent(uri,
          json(body == null ? new JsonObject() : body), type))));
      kinds.add(Generate.constant(() -> new Planned(op, "a megabyte", false, (body, uri, h) -> new Sent(uri,
        Buffer.buffer("{\"name\":\"" + "m".repeat(1_048_576) + "\"}"), null))));
    }
    if (op.path().contains("{")) {
      kinds.add(Generate.pick(List.of("%ZZ", "%C0%AF", "%00", "%F0%9F%98", "..%2F..%2Fetc", "x".repeat(5_000), "%E2%80%AE"))
        .map(segment -> new Planned(op, "path " + segment.substring(0, Math.min(12, segment.length())), false,
          (body, uri, h) -> new Sent(op.path().replaceAll("\\{[^}/]+}", segment), json(body), null))));
    }
    kinds.add(Generate.pick(List.of("zzUnknown=1", "limit=1&Limit=2", "cursor=%ZZ", "q=%", "fields=" + "f".repeat(10_000),
      "limit=-0", "limit=1e400", "limit=1&limit=2")).map(q -> new Planned(op, "query " + q.substring(0, Math.min(20,
      q.length())), false, (body, uri, h) -> new Sent(withQuery(uri, q), json(body), null))));
    return oneOf(kinds);
  }

  private List<Gen<Planned>> validKinds(ContractOperations.Op op) {
    List<Gen<Planned>> kinds = new ArrayList<>();
    kinds.add(Generate.constant(() -> new Planned(op, "fixture", true, (body, uri, h) -> new Sent(uri, json(body), null))));
    kinds.add(queryValues(op).map(q -> new Planned(op, "valid query " + q, true,
      (body, uri, h) -> new Sent(withQuery(uri, encode(q)), json(body), null))));
    JsonObject bodySchema = bodySchema(op);
    if (bodySchema != null) {
      kinds.add(values.valid(bodySchema).map(generated -> new Planned(op, "valid body", true,
        (body, uri, h) -> new Sent(uri, json(generated), null))));
    }
    return kinds;
  }

  @SuppressWarnings("unchecked")
  private static Gen<Planned> oneOf(List<Gen<Planned>> kinds) {
    return Generate.oneOf(kinds.get(0), kinds.subList(1, kinds.size()).toArray(Gen[]::new));
  }

  private static Planned at(ContractOperations.Op op, String kind, Object value, int where) {
    return new Planned(op, kind, false, (body, uri, h) -> {
      Object base = body == null ? new JsonObject() : body;
      List<List<Object>> pointers = Mutations.pointers(base);
      Object mutated = pointers.isEmpty() ? new JsonObject().put("unexpected", value == Mutations.REMOVE ? 1 : value)
        : Mutations.replace(base, pointers.get(where % pointers.size()), value);
      return new Sent(uri, json(mutated), null);
    });
  }

  private static Buffer oddNumber(Object body, String number, int where) {
    Object base = body == null ? new JsonObject() : body;
    List<List<Object>> pointers = Mutations.pointers(base);
    return pointers.isEmpty() ? Buffer.buffer("{\"n\":" + number + "}")
      : Mutations.withRawNumber(base, pointers.get(where % pointers.size()), number);
  }

  /** Prepares the base call with the fixture, and applies the case to it. */
  FuzzCase build(Planned planned) {
    Caller caller = allowed(planned.op());
    Call call = fixtures.get(planned.op().id()).prepare(actors, caller);
    Map<String, String> headers = new HashMap<>(actors.headers(caller));
    headers.putAll(call.headers());
    Object body = call.body() == null ? null : Json.decodeValue(json(call.body()));
    Sent sent = planned.mutation().apply(body, call.path(), headers);
    if (sent.body() != null) {
      headers.put("content-type", sent.contentType() == null ? "application/json" : sent.contentType());
    }
    return new FuzzCase(planned.op().id(), planned.kind(), planned.valid(), caller, call.method(), sent.uri(), headers,
      sent.body(), call.revokesCaller());
  }

  private Gen<Map<String, Object>> queryValues(ContractOperations.Op op) {
    List<Parameter> query = op.operation().getParameters().stream()
      .filter(p -> p.getIn() == Location.QUERY && !p.getName().equals("cursor")).toList();
    Map<String, Gen<Object>> gens = new HashMap<>();
    for (Parameter parameter : query) {
      JsonObject schema = new JsonObject();
      parameter.getSchema().fieldNames().forEach(name -> schema.put(name, (Object) parameter.getSchema().get(name)));
      gens.put(parameter.getName(), values.valid(schema));
    }
    Gen<Boolean> coin = org.quicktheories.generators.SourceDSL.booleans().all();
    return random -> {
      Map<String, Object> chosen = new HashMap<>();
      gens.forEach((name, gen) -> {
        if (coin.generate(random)) {
          Object value = gen.generate(random);
          if (value != null) {
            chosen.put(name, value);
          }
        }
      });
      return chosen;
    };
  }

  private static String encode(Map<String, Object> query) {
    return query.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue() instanceof JsonArray array
      ? array.stream().map(String::valueOf).collect(Collectors.joining(",")) : String.valueOf(e.getValue()),
      StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  private static String withQuery(String uri, String query) {
    return query.isEmpty() ? uri : uri + (uri.contains("?") ? "&" : "?") + query;
  }

  private static JsonObject bodySchema(ContractOperations.Op op) {
    if (op.operation().getRequestBody() == null) {
      return null;
    }
    MediaType json = op.operation().getRequestBody().getContent().get("application/json");
    JsonObject schema = new JsonObject();
    json.getSchema().fieldNames().forEach(name -> schema.put(name, (Object) json.getSchema().get(name)));
    return schema;
  }

  private static Buffer json(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof JsonObject o ? o.toBuffer() : value instanceof JsonArray a ? a.toBuffer()
      : Buffer.buffer(Json.encode(value));
  }
}
