package org.rnnlab.dsl.internal;

import groovy.lang.Binding;
import groovy.lang.GroovyCodeSource;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SimpleMessage;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;
import org.rnnlab.api.spec.SourceLocation;
import org.rnnlab.api.spec.SpecDocument;
import org.rnnlab.api.spec.SpecException;

/**
 * Compiles and runs a Groovy experiment script against {@link ExperimentScript} and returns the
 * tree it describes, with the line of every value.
 *
 * <p>The script is the user's own code and runs with the user's rights, like a build script: there
 * is no sandbox. Each call compiles the script in a fresh class loader and keeps its state on the
 * calling thread's stack, so separate calls may run concurrently.
 */
public final class GroovyFrontEnd {

  /** Compiler errors listed in one message after the first. */
  private static final int MORE_ERRORS_SHOWN = 4;

  private GroovyFrontEnd() {}

  /**
   * Compiles and runs one experiment script.
   *
   * @param sourceName the file name used in locations and messages
   * @param text the script
   * @return the canonical tree with a location for every value
   * @throws SpecException if the script does not compile, fails while running, calls an unknown
   *     keyword, gives a keyword the wrong arguments or twice, or never calls {@code experiment}
   */
  public static SpecDocument read(String sourceName, String text) {
    String unitName = unitName(sourceName);
    DslState state = new DslState(sourceName, unitName);
    CompilerConfiguration config = new CompilerConfiguration();
    config.setScriptBaseClass(ExperimentScript.class.getName());
    config.setSourceEncoding(StandardCharsets.UTF_8.name());
    GroovyShell shell =
        new GroovyShell(ExperimentScript.class.getClassLoader(), new Binding(), config);
    try {
      Script script = compile(shell, text, unitName, sourceName);
      ((ExperimentScript) script).attach(state);
      run(script, state);
    } finally {
      close(shell);
    }
    return state.finish();
  }

  private static Script compile(GroovyShell shell, String text, String unitName, String source) {
    try {
      return shell.parse(new GroovyCodeSource(text, unitName, "/rnnlab/experiment"));
    } catch (MultipleCompilationErrorsException e) {
      throw compileErrors(e.getErrorCollector().getErrors(), source);
    } catch (CompilationFailedException e) {
      throw new SpecException(
          new SourceLocation(source, 0, ""),
          "the script does not compile: " + oneLine(e.getMessage()));
    }
  }

  private static void run(Script script, DslState state) {
    try {
      script.run();
    } catch (SpecException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw state.scriptFailure(e);
    }
  }

  private static SpecException compileErrors(List<? extends Message> messages, String source) {
    List<SourceLocation> locations = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (Message message : messages) {
      int line = 0;
      String text;
      if (message instanceof SyntaxErrorMessage syntax) {
        SyntaxException cause = syntax.getCause();
        line = Math.max(0, cause.getLine());
        text = cause.getOriginalMessage();
      } else if (message instanceof ExceptionMessage exception) {
        text = exception.getCause().getMessage();
      } else if (message instanceof SimpleMessage simple) {
        text = simple.getMessage();
      } else {
        text = "unknown compiler error";
      }
      locations.add(new SourceLocation(source, line, ""));
      texts.add(oneLine(text));
    }
    if (texts.isEmpty()) {
      return new SpecException(new SourceLocation(source, 0, ""), "the script does not compile");
    }
    StringBuilder message = new StringBuilder("the script does not compile: " + texts.get(0));
    int shown = Math.min(texts.size(), 1 + MORE_ERRORS_SHOWN);
    for (int i = 1; i < shown; i++) {
      message.append("\n  ").append(locations.get(i)).append(": ").append(texts.get(i));
    }
    if (texts.size() > shown) {
      message.append("\n  (and ").append(texts.size() - shown).append(" more)");
    }
    return new SpecException(locations.get(0), message.toString());
  }

  /** Compiler messages quote source across lines; one line reads better after "file:line:". */
  private static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /**
   * The name the script is compiled under. Its stack frames carry it as their file name, which is
   * how keyword calls find their line; it is also a safe class name whatever the file is called.
   */
  static String unitName(String sourceName) {
    String fileName =
        sourceName.substring(
            Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\')) + 1);
    int dot = fileName.lastIndexOf('.');
    String base = dot > 0 ? fileName.substring(0, dot) : fileName;
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < base.length(); i++) {
      char c = base.charAt(i);
      name.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
    }
    // The prefix keeps the class name clear of keywords (long.groovy) and of class names the
    // script may use (Map.groovy).
    return "rnnlab_" + name + ".groovy";
  }

  private static void close(GroovyShell shell) {
    try {
      shell.getClassLoader().close();
    } catch (IOException e) {
      // Nothing was opened from disk through this loader; there is nothing to report.
    }
  }
}
