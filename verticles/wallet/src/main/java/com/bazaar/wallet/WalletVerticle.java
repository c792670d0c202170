package com.bazaar.wallet;

import com.bazaar.platform.Ids;
import com.bazaar.platform.Platform;
import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.paging.PageRequest;
import com.bazaar.wallet.api.WalletAddresses;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Binds the wallet's addresses; the commission consumer and the outbox relay are per process. */
public final class WalletVerticle extends VerticleBase {
  public static final String SERVICE = "wallet";
  private static final Logger LOG = LoggerFactory.getLogger(WalletVerticle.class);

  private final Platform platform;

  public WalletVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    JsonObject config = platform.config().getJsonObject("wallet");
    Ledger ledger = new Ledger(platform.db(SERVICE));
    Payouts payouts = new Payouts(ledger, new PayoutRepository(platform.db(SERVICE)), new PayoutRequest.Limits(
      config.getLong("maxPayout"), config.getString("currency")));
    WalletReads reads = new WalletReads(ledger);
    platform.perProcess("wallet.commissions", () -> platform.events().consume(SERVICE, CommissionEvents.QUEUE,
      new CommissionEvents(ledger)).onFailure(e -> LOG.warn("Commissions are not being credited: {}", e.toString())));
    platform.perProcess("wallet.relay", () -> platform.events().relay(SERVICE)
      .onFailure(e -> LOG.warn("Wallet events are not being relayed: {}", e.toString())));
    return new BusBindings(vertx.eventBus())
      .bind(WalletAddresses.GET, r -> reads.wallet(r.principal(), PayoutRequest.checkedCurrency(
        r.queryString("currency"), config.getString("currency"))).map(BusReply::ok))
      .bind(WalletAddresses.TRANSFERS, r -> reads.transfers(r.principal(), r.queryString("kind"), PageRequest.from(r))
        .map(BusReply::ok))
      .bind(WalletAddresses.REQUEST_PAYOUT, r -> payouts.request(r.principal(), r.header("idempotency-key"),
        r.bodyObject()).map(BusReply::created))
      .bind(WalletAddresses.MY_PAYOUTS, r -> payouts.mine(r.principal(), PageRequest.from(r)).map(BusReply::ok))
      .bind(WalletAddresses.ALL_PAYOUTS, r -> payouts.all(r.queryString("status"), PageRequest.from(r))
        .map(BusReply::ok))
      .bind(WalletAddresses.DECIDE_PAYOUT, r -> payouts.decide(Ids.pathId(r.param("id"), "payout"),
        r.bodyObject().getString("status"), r.bodyObject().getString("notes")).map(BusReply::ok))
      .bind(WalletAddresses.AUDIT, r -> reads.audit().map(BusReply::ok))
      .ready();
  }
}
