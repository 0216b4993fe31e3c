package dev.bootsplice.maven;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * A project in a temporary folder and a mojo wired to it the way Maven would inject it: parameters set by
 * field name, a {@link MavenProjectHelper} that records attachments and a log that records lines.
 */
final class MojoFixture {
    /** One {@code attachArtifact(project, type, classifier, file)} call. */
    record Attachment(String type, String classifier, File file) {}

    final Path basedir;
    final MavenProject project;
    final List<Attachment> attachments = new ArrayList<>();
    final List<String> log = new ArrayList<>();

    MojoFixture(Path basedir) {
        this.basedir = basedir;
        project = new MavenProject();
        project.setGroupId("dev.bootsplice.test");
        project.setArtifactId("app");
        project.setVersion("1.0");
        project.setFile(basedir.resolve("pom.xml").toFile());
        Build build = new Build();
        build.setDirectory(basedir.resolve("target").toString());
        build.setFinalName("app-1.0");
        project.setBuild(build);
    }

    /** Sets {@code mojo}'s field {@code name} (declared in its class or a superclass) to {@code value}. */
    static <T> T set(T mojo, String name, Object value) {
        for (Class<?> c = mojo.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                field.set(mojo, value);
                return mojo;
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(mojo.getClass().getSimpleName() + " has no field " + name);
    }

    /** Wires {@code mojo} to this project and the recording log. */
    <T extends AbstractMojo> T wire(T mojo) {
        set(mojo, "project", project);
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add("INFO " + content);
            }

            @Override
            public void warn(CharSequence content) {
                log.add("WARN " + content);
            }

            @Override
            public void error(CharSequence content) {
                log.add("ERROR " + content);
            }
        });
        return mojo;
    }

    /** Returns the log lines logged at {@code level} ({@code INFO}, {@code WARN}, {@code ERROR}). */
    List<String> lines(String level) {
        return log.stream()
                .filter(l -> l.startsWith(level + " "))
                .map(l -> l.substring(level.length() + 1))
                .toList();
    }

    /** Returns a project helper that records attachments in {@link #attachments}. */
    MavenProjectHelper helper() {
        return (MavenProjectHelper) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {MavenProjectHelper.class}, (proxy, method, args) -> {
                    if (method.getName().equals("attachArtifact") && args.length == 4) {
                        attachments.add(new Attachment((String) args[1], (String) args[2], (File) args[3]));
                        return null;
                    }
                    throw new UnsupportedOperationException(
                            "the goals only attach with type and classifier: " + method);
                });
    }
}
