package com.bazaar.app.guards;

import com.bazaar.app.RunningApp;
import com.bazaar.platform.testing.TestHttp;
import com.bazaar.platform.testing.TestHttp.Response;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API1 and API5, for every operation of the contract, including those added after this test: each is called
 * as an anonymous caller, a customer, a reseller, a customer and a reseller who own nothing of what it touches,
 * and an ADMIN. The answer must be what {@code x-bazaar-auth} and {@code x-bazaar-owner} allow: a denied call is
 * 401, 403 or 404 with the standard error body and writes nothing; an allowed call is never refused for access.
 */
class AccessMatrixTest {
  private static final List<Caller> ORDER = List.of(Caller.ANONYMOUS, Caller.OTHER_CUSTOMER, Caller.OTHER_RESELLER,
    Caller.CUSTOMER, Caller.RESELLER, Caller.ADMIN);
  private static RunningApp app;
  private static Actors actors;
  private static DbFingerprint database;

  @BeforeAll
  static void start() {
    app = RunningApp.withAdminUnlimited("guards@bazaar.test", "guards admin pw");
    actors = new Actors(app.http, app.database.name(), "guards@bazaar.test", "guards admin pw");
    database = new DbFingerprint(app.database.name());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void every_caller_gets_exactly_what_the_contract_allows_on_every_operation() {
    List<ContractOperations.Op> operations = ContractOperations.load(app.bazaar.platform());
    Map<String, Fixture> fixtures = AccessFixtures.all();
    List<String> violations = new ArrayList<>();
    StringBuilder table = new StringBuilder(String.format("%n%-22s %-6s %-10s", "operation", "method", "owner"));
    ORDER.forEach(caller -> table.append(String.format(" %-14s", caller)));
    for (ContractOperations.Op op : operations) {
      table.append(String.format("%n%-22s %-6s %-10s", op.id(), op.method(), op.owner()));
      if (op.owner() == null) {
        violations.add(op.id() + ": no x-bazaar-owner in the contract");
      }
      Fixture fixture = fixtures.get(op.id());
      if (fixture == null) {
        violations.add(op.id() + ": no fixture in AccessFixtures");
        continue;
      }
      for (Caller caller : ORDER) {
        Call call = fixture.prepare(actors, caller);
        Expected expected = Expected.of(op, caller, call.owner());
        Map<String, String> before = expected == Expected.ALLOWED ? null : database.settled();
        Response response = send(call, caller);
        String problem = check(expected, response, op, before);
        table.append(String.format(" %-14s", response.status() + " " + expected.name().charAt(0) + (problem == null ? "" : "!")));
        if (problem != null) {
          violations.add(op.id() + " as " + caller + ": " + problem);
        }
        if (call.revokesCaller() && caller != Caller.ANONYMOUS && response.status() < 400) {
          actors.renew(caller);
        }
      }
    }
    System.out.println("Access matrix (status, then expected: Allowed, Unauthenticated, Forbidden, Not owner; ! = wrong)"
      + table);

    assertThat(violations).as("access matrix violations").isEmpty();
  }

  private static String check(Expected expected, Response response, ContractOperations.Op op, Map<String, String> before) {
    int status = response.status();
    if (status >= 500) {
      return "answered " + status;
    }
    if (expected == Expected.ALLOWED) {
      boolean refused = status == 401 || status == 403 || op.ownedByAnother() && status == 404;
      return refused ? "refused with " + status + " " + response.body() : null;
    }
    boolean denied = switch (expected) {
      case UNAUTHENTICATED -> status == 401;
      case FORBIDDEN -> status == 403;
      default -> status == 404 || status == 403;
    };
    if (!denied) {
      return "expected " + expected + " but answered " + status;
    }
    if (!standardError(response)) {
      return "a denial without the standard error body: " + response.body();
    }
    List<String> changed = DbFingerprint.changed(before, database.take());
    return changed.isEmpty() ? null : "a denied call changed " + changed;
  }

  private static boolean standardError(Response response) {
    try {
      JsonObject error = response.json().getJsonObject("error");
      return error != null && error.getString("code") != null && error.getString("requestId") != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Response send(Call call, Caller caller) {
    Map<String, String> headers = new HashMap<>(actors.headers(caller));
    headers.putAll(call.headers());
    if (call.body() != null) {
      headers.put("content-type", "application/json");
    }
    return app.http.send(HttpMethod.valueOf(call.method()), call.path(), headers, TestHttp.body(call.body()));
  }
}
