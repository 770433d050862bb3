package tech.integratn.pipeline.bench;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The least a render can cost with the project's fixed template and YAML libraries: one
 * FreeMarker configuration and a one-line template, one small YAML document read and one
 * written; none of the pipeline. Run by bench/startup.sh to show what part of a render's
 * start-up cost those libraries alone set.
 */
public final class LibraryFloor {
  private LibraryFloor() {}

  public static void main(String[] args) throws Exception {
    Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
    Template template = new Template("t", new StringReader("name: ${name}\n"), freemarker);
    StringWriter rendered = new StringWriter();
    template.process(Map.of("name", "floor"), rendered);
    Object document = new Load(LoadSettings.builder().build())
        .loadFromString("a: 1\nb: [x, y]\nc: {d: e}\n");
    String written = new Dump(DumpSettings.builder().build())
        .dumpToString(Map.of("read", document, "rendered", List.of(rendered.toString())));
    System.out.println(written.length());
  }
}
