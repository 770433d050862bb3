package tech.integratn.pipeline.resolve;

/** The vcluster CoreDNS configuration; shared by the orchestrator and the coredns promise. */
public final class Corefile {
  private Corefile() {}

  public static String forDomain(String clusterDomain) {
    return ".:1053 {\n"
        + "  errors\n"
        + "  health\n"
        + "  ready\n"
        + "  kubernetes " + clusterDomain + " in-addr.arpa ip6.arpa {\n"
        + "    pods insecure\n"
        + "    fallthrough in-addr.arpa ip6.arpa\n"
        + "    ttl 30\n"
        + "  }\n"
        + "  prometheus 0.0.0.0:9153\n"
        + "  forward . /etc/resolv.conf\n"
        + "  cache 30\n"
        + "  loop\n"
        + "  reload\n"
        + "  loadbalance\n"
        + "}\n";
  }
}
