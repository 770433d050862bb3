package tech.integratn.pipeline.check;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.List;

/** A unified diff with three lines of context, as render check and render test print them. */
final class UnifiedDiff {
  private UnifiedDiff() {}

  static List<String> of(String fromName, String toName, List<String> from, List<String> to) {
    return UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, from,
        DiffUtils.diff(from, to), 3);
  }
}
