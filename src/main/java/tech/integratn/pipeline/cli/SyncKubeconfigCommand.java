package tech.integratn.pipeline.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.sync.KubeconfigSync;
import tech.integratn.pipeline.sync.OnePasswordConnect;

/** The kubeconfig sync Job's one container: this image, with this subcommand. */
@Command(
    name = "sync-kubeconfig",
    mixinStandardHelpOptions = true,
    description = {
        "Copies a vcluster's kubeconfig (its Secret, mounted as a file) and the Argo CD cluster "
            + "config made from it into a 1Password item, through 1Password Connect.",
        "Environment: OP_CONNECT_HOST, OP_CONNECT_TOKEN, OP_VAULT_ID (id or name; else the vault "
            + "named homelab), OP_ITEM_NAME, VCLUSTER_NAME, NAMESPACE, SERVER_URL (optional)."})
final class SyncKubeconfigCommand implements Callable<Integer> {
  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "the mounted kubeconfig (default: ${DEFAULT-VALUE})")
  Path kubeconfig = Path.of("/etc/vcluster-kubeconfig/config");

  @Option(names = "--wait-seconds", paramLabel = "N",
      description = "how long to wait for the kubeconfig to be there (default: ${DEFAULT-VALUE})")
  int waitSeconds = 300;

  @Option(names = "--timeout-seconds", paramLabel = "N",
      description = "how long all Connect calls together may take, retries included; the run "
          + "ends within this plus one request timeout (default: ${DEFAULT-VALUE})")
  int timeoutSeconds = 120;

  @Option(names = "--request-timeout-seconds", paramLabel = "N",
      description = "how long one request may take, its answer included (default: ${DEFAULT-VALUE})")
  int requestTimeoutSeconds = 30;

  private final Streams io;

  SyncKubeconfigCommand(Streams io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    OnePasswordConnect connect = new OnePasswordConnect(connectHost(),
        required("OP_CONNECT_TOKEN"), Duration.ofSeconds(timeoutSeconds),
        Duration.ofSeconds(Math.max(1, requestTimeoutSeconds)), io.out());
    new KubeconfigSync(connect, io.out()).run(new KubeconfigSync.Job(kubeconfig,
        Duration.ofSeconds(waitSeconds), required("VCLUSTER_NAME"),
        optional("NAMESPACE"), optional("SERVER_URL"), required("OP_ITEM_NAME"),
        optional("OP_VAULT_ID")));
    return ExitCode.OK.code();
  }

  private URI connectHost() {
    try {
      return URI.create(required("OP_CONNECT_HOST"));
    } catch (IllegalArgumentException e) {
      throw new PipelineException(ExitCode.USAGE, "OP_CONNECT_HOST is not a URL; set it to the "
          + "Connect server's (http://host:port).");
    }
  }

  private String optional(String name) {
    return io.environment().getOrDefault(name, "").trim();
  }

  private String required(String name) {
    String value = io.environment().getOrDefault(name, "").trim();
    if (value.isEmpty()) {
      throw new PipelineException(ExitCode.USAGE, name + " is not set; the rendered kubeconfig "
          + "sync Job sets it. Run this subcommand from that Job, or set it.");
    }
    return value;
  }
}
