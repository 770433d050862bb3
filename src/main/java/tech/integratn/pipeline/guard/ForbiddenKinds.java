package tech.integratn.pipeline.guard;

import java.util.ArrayList;
import java.util.List;

/**
 * The kinds of the core API group that are never published, in one table that every guard step
 * reads: the rendered documents' walk, the shortcut that passes over text which cannot spell one
 * ({@link Spelling}), and render check's scan of files that are not requests. A kind added here
 * is refused at the top of a document and inside any text it carries alike.
 */
public final class ForbiddenKinds {
  /** A Secret's data is only base64; a SecretList carries Secrets as its items. */
  public static final ForbiddenKinds CORE = new ForbiddenKinds(List.of("Secret", "SecretList"));

  private final List<String> names;
  /** Each name case folded, letters only: what {@link Spelling} looks for in a text. */
  private final List<String> letters;

  private ForbiddenKinds(List<String> names) {
    this.names = List.copyOf(names);
    this.letters = names.stream().map(ForbiddenKinds::lettersOf).toList();
  }

  /** This table and {@code kind} (for tests that prove every step reads the table). */
  ForbiddenKinds and(String kind) {
    List<String> more = new ArrayList<>(names);
    more.add(kind);
    return new ForbiddenKinds(more);
  }

  /** The kinds as written in a manifest. */
  public List<String> names() {
    return names;
  }

  /** Whether a kind scalar is, or once a template's placeholder is filled could be, one of them. */
  boolean couldBe(String kind) {
    return names.stream().anyMatch(name -> OutputGuard.couldBe(kind, Spelling.fold(name)));
  }

  /** Whether folded letters (a text's, non-letters dropped) hold one of the kinds' letters. */
  boolean spelledIn(CharSequence foldedLetters) {
    String text = foldedLetters.toString();
    return letters.stream().anyMatch(text::contains);
  }

  private static String lettersOf(String name) {
    StringBuilder out = new StringBuilder();
    Spelling.fold(name).codePoints().filter(Character::isLetter).forEach(out::appendCodePoint);
    return out.toString();
  }
}
