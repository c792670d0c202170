package com.bazaar.app;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaunchOptionsTest {

  @Test
  void with_no_arguments_every_service_runs_locally() {
    LaunchOptions options = LaunchOptions.parse(List.of());

    assertThat(options.services()).containsExactlyInAnyOrderElementsOf(ServiceCatalog.names());
    assertThat(options.cluster()).isFalse();
  }

  @Test
  void a_subset_instances_cluster_and_conf_are_parsed() {
    LaunchOptions options = LaunchOptions.parse(List.of("--services", "product,gateway", "--instances", "product=4",
      "--cluster", "--conf", "/etc/bazaar.json"));

    assertThat(options.services()).containsExactlyInAnyOrder("product", "gateway");
    assertThat(options.instances()).containsEntry("product", 4);
    assertThat(options.cluster()).isTrue();
    assertThat(options.confFile()).hasToString("/etc/bazaar.json");
  }

  @Test
  void unknown_services_bad_counts_and_unknown_options_are_refused() {
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--services", "warehouse")))
      .hasMessageContaining("Unknown service 'warehouse'");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--instances", "product=0")))
      .hasMessageContaining("name=N");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--services", "product", "--instances", "gateway=2")))
      .hasMessageContaining("not among --services");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("--verbose"))).hasMessageContaining("Unknown option");
  }
}
