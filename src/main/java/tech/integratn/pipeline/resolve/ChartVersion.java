package tech.integratn.pipeline.resolve;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numeric comparison of chart versions; a version that is not numeric counts as newest. */
final class ChartVersion {
  private static final Pattern NUMERIC = Pattern.compile("^v?(\\d+(?:\\.\\d+)*)$");

  private ChartVersion() {}

  static boolean atLeast(String version, String minimum) {
    Matcher m = NUMERIC.matcher(version.trim());
    if (!m.matches()) {
      return true;
    }
    String[] have = m.group(1).split("\\.");
    String[] want = minimum.split("\\.");
    for (int i = 0; i < Math.max(have.length, want.length); i++) {
      BigInteger a = i < have.length ? new BigInteger(have[i]) : BigInteger.ZERO;
      BigInteger b = i < want.length ? new BigInteger(want[i]) : BigInteger.ZERO;
      int cmp = a.compareTo(b);
      if (cmp != 0) {
        return cmp > 0;
      }
    }
    return true;
  }
}
