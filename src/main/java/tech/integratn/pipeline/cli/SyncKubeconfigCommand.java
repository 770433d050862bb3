package tech.integratn.pipeline.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.sync.ConnectAddress;
import tech.integratn.pipeline.sync.ItemMark;
import tech.integratn.pipeline.sync.KubeconfigSync;
import tech.integratn.pipeline.sync.OnePasswordConnect;
import tech.integratn.pipeline.sync.SyncLog;

/** The kubeconfig sync Job's one container: this image, with this subcommand. */
@Command(
    name = "sync-kubeconfig",
    mixinStandardHelpOptions = true,
    description = {
        "Copies a vcluster's kubeconfig (its Secret, mounted as a file) and the Argo CD cluster "
            + "config made from it into a 1Password item, through 1Password Connect.",
        "Environment: OP_CONNECT_HOST (https, or http to this machine), OP_CONNECT_TOKEN, "
            + "OP_VAULT_ID (id or name; required: the Job sets it from onepassword.vault, else from the token item's vault field), OP_ITEM_NAME, "
            + "VCLUSTER_NAME, NAMESPACE, SERVER_URL (optional), OP_ADOPT_UNMARKED_ITEM (optional).",
        "Only items carrying this Job's tag vcluster-pipeline/<NAMESPACE>/<VCLUSTER_NAME> are "
            + "replaced or deleted; another item of the title stops the run (exit 7)."})
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

  @Option(names = "--adopt",
      description = "adopt an unmarked SECURE_NOTE of the title that the bash pipeline made for "
          + "this vcluster: mark it as this Job's and keep it (the switch-over; also "
          + "OP_ADOPT_UNMARKED_ITEM=true)")
  boolean adopt;

  @Override
  public Integer call() {
    SyncLog log = new SyncLog(io.out());
    try {
      ConnectAddress host = ConnectAddress.parse(required("OP_CONNECT_HOST"));
      OnePasswordConnect connect = new OnePasswordConnect(host, required("OP_CONNECT_TOKEN"),
          Duration.ofSeconds(timeoutSeconds),
          Duration.ofSeconds(Math.max(1, requestTimeoutSeconds)), log);
      // Read before NAMESPACE, so the refusals keep their order: a Job missing both is told of
      // VCLUSTER_NAME.
      String vcluster = required("VCLUSTER_NAME");
      new KubeconfigSync(connect, log).run(new KubeconfigSync.Job(kubeconfig,
          Duration.ofSeconds(waitSeconds), new ItemMark(required("NAMESPACE"), vcluster),
          optional("SERVER_URL"), new KubeconfigSync.Item(required("OP_ITEM_NAME"),
              optional("OP_VAULT_ID")), adopt || adoptFromEnvironment()));
    } catch (PipelineException refusal) {
      // One last pass through the run's redactor, which by now knows every credential.
      throw log.redacted(refusal);
    }
    return ExitCode.OK.code();
  }

  /** The Job sets OP_ADOPT_UNMARKED_ITEM=true while the setting onepassword.adoptUnmarkedItems is on. */
  private boolean adoptFromEnvironment() {
    String value = optional("OP_ADOPT_UNMARKED_ITEM");
    if (value.isEmpty() || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw new PipelineException(ExitCode.USAGE, "OP_ADOPT_UNMARKED_ITEM is neither true nor "
        + "false; the rendered Job sets it from the setting onepassword.adoptUnmarkedItems.");
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
