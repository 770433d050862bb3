package tech.integratn.pipeline.resolve;

/** An IPv4 network in CIDR form; addresses are unsigned 32-bit values held in a long. */
record Ipv4Cidr(long network, int prefix) {

  static Ipv4Cidr parse(String cidr) {
    int slash = cidr.indexOf('/');
    int prefix = Integer.parseInt(cidr.substring(slash + 1));
    long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    return new Ipv4Cidr(parseAddress(cidr.substring(0, slash)) & mask, prefix);
  }

  long size() {
    return 1L << (32 - prefix);
  }

  boolean contains(long address) {
    return address >= network && address < network + size();
  }

  static long parseAddress(String dotted) {
    long value = 0;
    for (String octet : dotted.split("\\.")) {
      value = (value << 8) | Integer.parseInt(octet);
    }
    return value;
  }

  static String format(long address) {
    return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "."
        + ((address >> 8) & 0xFF) + "." + (address & 0xFF);
  }
}
