package com.bazaar.app.guards;

import com.bazaar.app.RunningApp;
import com.bazaar.gateway.contract.schema.SchemaValues;
import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * OWASP API8: every operation of the contract, attacked with requests generated from its schemas (QuickTheories,
 * a property-based library, so a failure shrinks to a small case). Whatever is sent, no answer is a 5xx, every
 * refusal has the standard error body, a refused request writes nothing (no row, no outbox row, no Redis key but
 * the rate limiter's and the idempotency record that keeps the answer to its key), and a request the contract accepts is never refused as invalid (400). The seed is fixed, so
 * a failure replays; {@code -Dbazaar.fuzzCases=5000} runs many more than the default.
 */
class ContractFuzzTest {
  private static final long SEED = 20261130L;
  private static RunningApp app;
  private static Actors actors;
  private static DbFingerprint database;
  private static List<ContractOperations.Op> operations;
  private static FuzzCases cases;

  @BeforeAll
  static void start() {
    app = RunningApp.withAdminUnlimited("fuzz@bazaar.test", "fuzz admin pw 1");
    actors = new Actors(app.http, app.database.name(), "fuzz@bazaar.test", "fuzz admin pw 1");
    database = new DbFingerprint(app.database.name());
    operations = ContractOperations.load(app.bazaar.platform());
    cases = new FuzzCases(actors, new SchemaValues(operations.get(0).document()), AccessFixtures.all());
  }

  private static final Map<String, Integer> STATUSES = new java.util.TreeMap<>();

  @AfterAll
  static void stop() {
    System.out.println("Contract fuzzer: answers by kind of request and status " + STATUSES);
    app.close();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void no_request_gets_a_5xx_a_refusal_writes_nothing_and_a_valid_request_is_never_refused() {
    Gen<FuzzCases.Planned> requests = Generate.pick(operations).flatMap(cases::of);
    qt().withFixedSeed(SEED).withExamples(Integer.getInteger("bazaar.fuzzCases", 250)).withShrinkCycles(30)
      .forAll(requests).checkAssert(planned -> check(planned.build(cases)));
  }

  private static void check(FuzzCase request) {
    Map<String, String> rows = database.settled();
    TreeSet<String> keys = redisKeys();

    Response response = app.http.send(HttpMethod.valueOf(request.method()), request.uri(), request.headers(), request.body());
    if (request.revokesCaller() && response.status() < 400 && request.caller() != Caller.ANONYMOUS) {
      actors.renew(request.caller());
    }

    STATUSES.merge(request.kind().split(" ")[0] + " " + response.status(), 1, Integer::sum);
    assertThat(response.status()).as("status of %s: %s", request, response.body()).isLessThan(500);
    if (request.valid()) {
      assertThat(response.status()).as("a valid request refused: %s: %s", request, response.body()).isNotEqualTo(400);
    }
    if (response.status() >= 400) {
      assertThat(errorCode(response)).as("standard error body for %s: %s", request, response.body()).isNotNull();
      assertThat(DbFingerprint.changed(rows, database.take())).as("tables written by the refused %s", request).isEmpty();
      TreeSet<String> added = redisKeys();
      added.removeAll(keys);
      assertThat(added).as("Redis keys written by the refused %s", request).isEmpty();
    }
  }

  private static String errorCode(Response response) {
    try {
      JsonObject error = response.json().getJsonObject("error");
      return error.getString("requestId") == null ? null : error.getString("code");
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Every key in the app's Redis database but the rate limiter's buckets, which count refused requests too, and the
   * idempotency records, which keep any answer below 500 (a refusal too) for a retry with the same key, as the
   * contract says.
   */
  private static TreeSet<String> redisKeys() {
    TreeSet<String> keys = new TreeSet<>();
    String cursor = "0";
    do {
      io.vertx.redis.client.Response page = app.bazaar.platform().redis()
        .send(Request.cmd(Command.SCAN).arg(cursor).arg("COUNT").arg(1000)).await();
      cursor = page.get(0).toString();
      page.get(1).forEach(key -> {
        if (!key.toString().startsWith("rl:") && !key.toString().startsWith("idem:")) {
          keys.add(key.toString());
        }
      });
    } while (!cursor.equals("0"));
    return keys;
  }
}
