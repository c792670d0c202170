package com.bazaar.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.util.Arrays;

/**
 * Hazelcast for the clustered event bus: the bundled map config (keeps {@code __vertx.subs} as a SET multimap),
 * TCP/IP join with the configured members, multicast and auto-detection off, bound to the configured interface.
 */
final class ClusterSetup {
  private ClusterSetup() {
  }

  static HazelcastClusterManager manager(JsonObject config) {
    JsonObject cluster = config.getJsonObject("cluster");
    String host = cluster.getString("host");
    Config hazelcast = ConfigUtil.loadConfig();
    hazelcast.setProperty("hazelcast.socket.bind.any", "false");
    hazelcast.setProperty("hazelcast.logging.type", "slf4j");
    hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
    NetworkConfig network = hazelcast.getNetworkConfig();
    network.setPort(cluster.getInteger("port")).setPortAutoIncrement(true);
    network.getInterfaces().setEnabled(true).addInterface(host);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true)
      .setMembers(Arrays.stream(cluster.getString("members").split(",")).map(String::trim).toList());
    return new HazelcastClusterManager(hazelcast);
  }

  static void configureEventBus(VertxOptions options, JsonObject config) {
    String host = config.getJsonObject("cluster").getString("host");
    options.getEventBusOptions().setHost(host).setClusterPublicHost(host);
  }
}
