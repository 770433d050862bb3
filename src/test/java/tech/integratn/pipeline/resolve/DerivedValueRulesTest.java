package tech.integratn.pipeline.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The small rules the resolvers are built from (names, addresses, chart versions, presets), one
 * case each: the rule, the value it derives, and what it must be.
 */
class DerivedValueRulesTest {
  static Stream<Arguments> rules() {
    return Stream.of(
        rule("a subnet's network address drops the host bits",
            () -> Ipv4Cidr.format(Ipv4Cidr.parse("10.1.2.77/24").network()), "10.1.2.0"),
        rule("a /24 holds 256 addresses", () -> Ipv4Cidr.parse("10.1.2.0/24").size(), 256L),
        rule("a /0 holds every address", () -> Ipv4Cidr.parse("0.0.0.0/0").size(), 1L << 32),
        rule("the broadcast address is inside the subnet",
            () -> Ipv4Cidr.parse("10.1.2.0/24").contains(Ipv4Cidr.parseAddress("10.1.2.255")), true),
        rule("the next subnet's first address is outside",
            () -> Ipv4Cidr.parse("10.1.2.0/24").contains(Ipv4Cidr.parseAddress("10.1.3.0")), false),
        rule("addresses above 127 are unsigned",
            () -> Ipv4Cidr.format(Ipv4Cidr.parseAddress("200.250.1.2")), "200.250.1.2"),
        rule("a chart release is at least itself", () -> ChartVersion.atLeast("0.31.0", "0.31.0"), true),
        rule("versions compare by number, not text", () -> ChartVersion.atLeast("0.100.0", "0.31.0"), true),
        rule("an older release is not at least a newer", () -> ChartVersion.atLeast("0.30.4", "0.31.0"), false),
        rule("a leading v is allowed", () -> ChartVersion.atLeast("v0.32.1", "0.31.0"), true),
        rule("a version that is not numeric counts as newest",
            () -> ChartVersion.atLeast("0.32.0-rc.1", "0.31.0"), true),
        rule("the PodDisruptionBudget key exists from 0.31.0",
            () -> ChartFeatures.of("0.31.0").podDisruptionBudget(), true),
        rule("and not before", () -> ChartFeatures.of("0.30.4").podDisruptionBudget(), false),
        rule("the server URL always names its port", () -> Names.serverUrl("x.example.com", 443),
            "https://x.example.com:443"),
        rule("a lowercase dotted name is a DNS name", () -> Names.isDnsName("a-1.example.com"), true),
        rule("an uppercase letter is not", () -> Names.isDnsName("Example.com"), false),
        rule("a label may not end in a dash", () -> Names.isDnsName("a-.example.com"), false),
        rule("a label of 64 characters is too long",
            () -> Names.isDnsName("a".repeat(64) + ".com"), false),
        rule("the 1Password item is named after the vcluster", () -> Names.onepasswordItem("x"),
            "vcluster-x-kubeconfig"),
        rule("the preset ids are dev and prod", () -> Preset.byId("prod").id(), "prod"),
        rule("prod runs three control-plane replicas", () -> Preset.byId("prod").size.replicas().controlPlane(), 3),
        rule("dev runs without persistence", () -> Preset.byId("dev").size.persistence().enabled(), false));
  }

  private static Arguments rule(String rule, Supplier<Object> derived, Object expected) {
    return Arguments.of(rule, derived, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void holds(String rule, Supplier<Object> derived, Object expected) {
    assertThat(derived.get()).as(rule).isEqualTo(expected);
  }
}
