package tech.integratn.pipeline.cli;

import java.io.PrintStream;
import java.util.Map;

/** What every subcommand runs with: the process environment and its two output streams. */
record Streams(Map<String, String> environment, PrintStream out, PrintStream err) {}
