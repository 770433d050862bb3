package tech.integratn.pipeline.check;

/** How the check's reports and summaries count things. */
final class Words {
  private Words() {}

  /** "1 request", "3 requests". */
  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
