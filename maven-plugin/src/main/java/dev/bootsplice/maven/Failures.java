package dev.bootsplice.maven;

import dev.bootsplice.format.UsageException;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.splice.SpliceException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Builds the plugin's error messages in the command line's one-line form, {@code bootsplice: FILE: REASON}, so
 * a build log reads like {@code bootsplice} on a terminal and never shows an exception class name.
 */
final class Failures {
    private Failures() {}

    /** An image that breaks a format rule: {@code bootsplice: IMAGE: item N (TYPE) at 0xOFFSET: REASON}. */
    static MojoExecutionException invalidImage(Path image, ZbiFormatException e) {
        return new MojoExecutionException(line(image + ": " + e.getMessage()), e);
    }

    /** An image the model cannot boot; for its memory limit, how to give the build's JVM more heap. */
    static MojoExecutionException cannotSplice(Path image, SpliceException e) {
        String hint = e.isMemoryLimit() ? " (the Maven JVM's heap bounds it; raise it with MAVEN_OPTS=-Xmx...)" : "";
        return new MojoExecutionException(line(image + ": " + e.getMessage() + hint), e);
    }

    /** A file that cannot be read or written: {@code bootsplice: FILE: REASON}. */
    static MojoExecutionException unreadable(Path file, IOException e) {
        return new MojoExecutionException(line(file + ": " + reason(e)), e);
    }

    /** A configuration value the libraries rejected: {@code bootsplice: <NAME>: REASON}. */
    static MojoExecutionException badParameter(String parameter, String reason) {
        return new MojoExecutionException(line("<" + parameter + ">: " + reason));
    }

    /** A request the library refused: {@code bootsplice: <SETTING>: REASON} when it names the setting at fault. */
    static MojoExecutionException badRequest(UsageException e) {
        return new MojoExecutionException(
                line(e.setting().map(s -> "<" + s + ">: ").orElse("") + e.getMessage()), e);
    }

    /** Prefixes {@code message} with {@code bootsplice: }, as the command line does on stderr. */
    static String line(String message) {
        return "bootsplice: " + message;
    }

    /** The reason for an I/O failure, short and lowercase, without exception class names. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? "input/output error" : e.getMessage();
    }
}
