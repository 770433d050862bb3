package tech.integratn.pipeline.read;

import java.util.Collection;
import java.util.Optional;

/** The known name a misspelt one most likely meant: a small edit distance away. */
public final class Suggestion {
  private Suggestion() {}

  /** The closest of {@code known} to {@code given}, when it is at most a third of its length away. */
  public static Optional<String> closest(String given, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(given.toLowerCase(java.util.Locale.ROOT),
          candidate.toLowerCase(java.util.Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= Math.max(1, given.length() / 3)
        ? Optional.of(best) : Optional.empty();
  }

  /** Levenshtein distance; names are short, and a long one is not compared past 64 characters. */
  static int distance(String a, String b) {
    if (a.length() > 64 || b.length() > 64) {
      return a.equals(b) ? 0 : Integer.MAX_VALUE / 2;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
