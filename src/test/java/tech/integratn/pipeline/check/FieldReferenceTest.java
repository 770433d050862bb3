package tech.integratn.pipeline.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tech.integratn.pipeline.Fixtures;
import tech.integratn.pipeline.kind.PromiseKind;

/** docs/reference.md is the CRDs' field list: a CRD change that leaves it behind fails here. */
class FieldReferenceTest {
  private static final Path REFERENCE = Fixtures.projectRoot().resolve("docs/reference.md");

  @Test
  void theReferenceIsWrittenFromTheCrds() throws IOException {
    String written = FieldReference.markdown();
    if (Boolean.getBoolean("reference.update")) {
      Files.writeString(REFERENCE, written);
    }
    assertThat(Files.readString(REFERENCE)).as("docs/reference.md is behind the CRDs: run mvn -q "
        + "test -Dtest=FieldReferenceTest -Dreference.update=true").isEqualTo(written);
  }

  @Test
  void everyKindAndTheOrchestratorsFieldsAreListed() {
    String written = FieldReference.markdown();
    for (PromiseKind kind : PromiseKind.values()) {
      assertThat(written).contains("## " + kind.kind() + "\n");
    }
    assertThat(written).contains("| `spec.name` | string | **required**.", "`spec.vcluster.preset`",
        "`spec.exposure.hostname`");
  }
}
