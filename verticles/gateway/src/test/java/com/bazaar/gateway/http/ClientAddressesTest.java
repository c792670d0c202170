package com.bazaar.gateway.http;

import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {
  private static final ClientAddresses NONE = new ClientAddresses(new JsonArray());
  private static final ClientAddresses BEHIND_LB = new ClientAddresses(new JsonArray().add("10.0.0.0/8")
    .add("192.168.1.7").add("2001:db8::/32"));

  @Test
  void with_no_trusted_proxies_the_headers_are_ignored() {
    assertThat(NONE.resolve("203.0.113.9", "for=198.51.100.1", "198.51.100.1")).isEqualTo("203.0.113.9");
  }

  @Test
  void a_spoofed_header_from_an_untrusted_peer_is_ignored() {
    assertThat(BEHIND_LB.resolve("203.0.113.9", null, "10.1.1.1, 198.51.100.1")).isEqualTo("203.0.113.9");
  }

  @Test
  void a_real_chain_is_walked_from_the_right_past_trusted_hops_only() {
    assertThat(BEHIND_LB.resolve("10.0.0.2", null, "6.6.6.6, 198.51.100.1, 192.168.1.7")).isEqualTo("198.51.100.1");
    assertThat(BEHIND_LB.resolve("10.0.0.2", null, "198.51.100.1")).isEqualTo("198.51.100.1");
  }

  @Test
  void forwarded_wins_over_x_forwarded_for_and_its_ipv6_and_ports_are_read() {
    assertThat(BEHIND_LB.resolve("10.0.0.2", "for=1.1.1.1, for=\"[2001:db9::17]:4711\";proto=https, for=10.9.9.9",
      "5.5.5.5")).isEqualTo("2001:db9::17");
    assertThat(BEHIND_LB.resolve("10.0.0.2", "for=198.51.100.1:8080;by=10.0.0.2", null)).isEqualTo("198.51.100.1");
  }

  @Test
  void a_chain_of_trusted_hops_only_or_with_garbage_stops_at_the_last_good_address() {
    assertThat(BEHIND_LB.resolve("10.0.0.2", null, "10.0.0.3, 10.0.0.4")).isEqualTo("10.0.0.3");
    assertThat(BEHIND_LB.resolve("10.0.0.2", null, "evil, 10.0.0.4")).isEqualTo("10.0.0.4");
    assertThat(BEHIND_LB.resolve("10.0.0.2", "for=unknown", null)).isEqualTo("10.0.0.2");
    assertThat(BEHIND_LB.resolve("10.0.0.2", null, null)).isEqualTo("10.0.0.2");
  }

  @Test
  void a_bad_cidr_stops_the_start() {
    assertThatThrownBy(() -> new ClientAddresses(new JsonArray().add("10.0.0.0/33"))).hasMessageContaining("prefix");
    assertThatThrownBy(() -> new ClientAddresses(new JsonArray().add("lb.internal"))).hasMessageContaining("CIDR");
  }
}
