package com.bazaar.wallet;

import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.db.ServiceDb;
import com.bazaar.platform.events.EventEnvelope;
import com.bazaar.platform.events.EventType;
import com.bazaar.platform.testing.TestStack;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Jepsen's bank test for the ledger: random histories of commission events (paid, collected on delivery,
 * delivered, cancelled, in any order and repeated), payouts and the ADMIN's decisions, run 16 at a time against the
 * real database. An event that arrives before the one it depends on fails and is retried once later, as the consumer
 * does. After each history every account equals the sum of its transfers, every currency's accounts sum to zero, no
 * reseller balance is negative, no cause moved money twice, and every payout's transfers match its state. QuickTheories
 * shrinks a failing history to a short one.
 */
class LedgerConservationTest {
  private static final int RESELLERS = 3;
  private static final int ORDERS = 12;
  private static final long[] PAYOUTS = {50, 100, 300, 1_000, 5_000};
  private static final int PARALLEL = 16;

  private static TestStack stack;
  private static ServiceDb db;
  private static Ledger ledger;
  private static CommissionEvents commissions;
  private static Payouts payouts;
  private static WalletReads reads;
  private static int operations;

  @BeforeAll
  static void start() {
    stack = TestStack.start().migrate(WalletVerticle.SERVICE);
    db = stack.platform().db(WalletVerticle.SERVICE);
    ledger = new Ledger(db);
    commissions = new CommissionEvents(ledger);
    payouts = new Payouts(ledger, new PayoutRepository(db), new PayoutRequest.Limits(1_000_000, "INR"));
    reads = new WalletReads(ledger);
  }

  @AfterAll
  static void stop() {
    System.out.println("[wallet] conservation held over " + operations + " random operations");
    stack.close();
  }

  /** One step of a history, decoded from one number so that shrinking it stays meaningful. */
  record Op(int kind, int order, int reseller, int amount, int payout) {
    static Op of(int n) {
      return new Op(n % 8, n / 8 % ORDERS, n / 96 % RESELLERS, n / 288 % PAYOUTS.length, n / 1440 % 8);
    }
  }

  @Test
  void money_is_conserved_whatever_the_history() {
    Gen<List<Op>> histories = lists().of(integers().between(0, 1_000_000).map(Op::of)).ofSizeBetween(150, 350);
    qt().withFixedSeed(20261130L).withExamples(40).withShrinkCycles(20).forAll(histories).checkAssert(this::run);
  }

  private void run(List<Op> history) {
    World world = new World();
    List<Op> retries = new ArrayList<>();
    for (int from = 0; from < history.size(); from += PARALLEL) {
      List<Op> batch = history.subList(from, Math.min(history.size(), from + PARALLEL));
      retries.addAll(world.apply(batch));
    }
    world.apply(retries);
    operations += history.size() + retries.size();
    JsonObject audit = reads.audit().await();
    assertThat(audit.getJsonArray("mismatches")).as("accounts equal their transfers").isEmpty();
    assertThat(audit.getJsonObject("totalsByCurrency").getLong("INR", 0L)).as("the books balance").isZero();
    assertThat(audit.getLong("negativeResellerAccounts")).isZero();
    assertThat(audit.getBoolean("balanced")).isTrue();
    assertThat(count("SELECT count(*) FROM (SELECT cause FROM transfers WHERE kind IN ('COMMISSION_AVAILABLE', "
      + "'COMMISSION_REVERSED') GROUP BY cause HAVING count(*) > 1) both_ways")).as("released and reversed").isZero();
    assertThat(count("SELECT count(*) FROM payouts p WHERE (SELECT count(*) FROM transfers WHERE cause = p.id::text "
      + "AND kind = 'PAYOUT_HOLD') <> 1 OR (SELECT count(*) FROM transfers WHERE cause = p.id::text AND kind = "
      + "'PAYOUT_RELEASED') <> (CASE WHEN p.status = 'REJECTED' THEN 1 ELSE 0 END) OR (SELECT count(*) FROM transfers "
      + "WHERE cause = p.id::text AND kind = 'PAYOUT_SETTLED') <> (CASE WHEN p.status = 'PROCESSED' THEN 1 ELSE 0 END)"))
      .as("payouts whose transfers do not match their state").isZero();
  }

  private static long count(String sql) {
    return db.write().query(sql).execute().await().iterator().next().getLong(0);
  }

  /** One history's resellers and orders, fresh ids each time, and the payouts it has made so far. */
  private static final class World {
    private final List<UUID> resellers = new ArrayList<>();
    private final List<UUID> orders = new ArrayList<>();
    private final List<UUID> payoutIds = Collections.synchronizedList(new ArrayList<>());

    World() {
      for (int i = 0; i < RESELLERS; i++) {
        resellers.add(UUID.randomUUID());
      }
      for (int i = 0; i < ORDERS; i++) {
        orders.add(UUID.randomUUID());
      }
    }

    /** Runs the batch at once; answers the events that failed, to be retried. */
    List<Op> apply(List<Op> batch) {
      List<Op> failed = Collections.synchronizedList(new ArrayList<>());
      List<Future<?>> running = new ArrayList<>();
      for (Op op : batch) {
        running.add(step(op).onFailure(e -> {
          if (op.kind() < 4) {
            failed.add(op);
          }
        }));
      }
      Future.join(running).otherwiseEmpty().await();
      return failed;
    }

    private Future<?> step(Op op) {
      UUID order = orders.get(op.order());
      UUID seller = resellers.get(op.order() % RESELLERS);
      long commission = 100L * (op.order() + 1);
      return switch (op.kind()) {
        case 0 -> event("payment.succeeded", order, seller, commission, "captured");
        case 1 -> event("payment.succeeded", order, seller, commission, "collected_on_delivery");
        case 2 -> event("order.delivered", order, seller, commission, null);
        case 3 -> event("order.cancelled", order, seller, commission, null);
        case 4 -> payouts.request(new Principal(resellers.get(op.reseller()).toString(), Set.of("RESELLER")),
          UUID.randomUUID().toString(), new JsonObject().put("amount", PAYOUTS[op.amount()])
            .put("bankAccount", "ACCT 0000 " + op.reseller())).onSuccess(p -> payoutIds.add(UUID.fromString(
              p.getString("id"))));
        default -> payoutIds.isEmpty() ? Future.succeededFuture()
          : payouts.decide(payoutIds.get(op.payout() % payoutIds.size()),
            List.of("APPROVED", "REJECTED", "PROCESSED").get(op.kind() - 5), null);
      };
    }

    private Future<Void> event(String type, UUID order, UUID seller, long commission, String cause) {
      JsonObject data = new JsonObject().put("orderId", order.toString()).put("sellerId", seller.toString())
        .put("commissionAmount", commission).put("currency", "INR").put("fromStatus", "PAID");
      if (cause != null) {
        data.put("cause", cause).put("amount", commission * 10);
      }
      EventEnvelope event = EventEnvelope.of(EventType.of(type), data);
      return commissions.concerns(event) ? db.write().withTransaction(tx -> commissions.handle(tx, event))
        : Future.succeededFuture();
    }
  }
}
