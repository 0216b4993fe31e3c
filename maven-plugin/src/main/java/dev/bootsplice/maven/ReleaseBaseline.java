package dev.bootsplice.maven;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.version.Version;

/**
 * Finds the JSON profile report that an earlier release of this artifact attached, through Maven's repository
 * system (the local repository first, then the project's remote repositories).
 */
final class ReleaseBaseline {
    /** The {@code baselineVersion} value that means "the highest release below the current version". */
    static final String PREVIOUS = "previous";
    /** Every version: the versions below the current one are picked from these by {@link #previousRelease}. */
    private static final String ALL_VERSIONS = "[0,)";

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    ReleaseBaseline(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.system = system;
        this.session = session;
        this.repositories = List.copyOf(repositories);
    }

    /**
     * Resolves the report of {@code groupId:artifactId:json:classifier} at {@code versionSpec}: an explicit
     * version, or {@link #PREVIOUS} for the highest release below {@code currentVersion}.
     *
     * @return the report file, or empty when {@code versionSpec} is {@link #PREVIOUS} and no earlier release
     *     exists (a first release has nothing to regress against)
     * @throws MojoExecutionException when the version list or the report cannot be resolved
     */
    Optional<Path> resolve(
            String groupId, String artifactId, String classifier, String versionSpec, String currentVersion)
            throws MojoExecutionException {
        String version = versionSpec;
        if (PREVIOUS.equals(versionSpec)) {
            Optional<String> previous = previousRelease(
                    availableVersions(new DefaultArtifact(groupId, artifactId, classifier, "json", ALL_VERSIONS)),
                    currentVersion);
            if (previous.isEmpty()) {
                return Optional.empty();
            }
            version = previous.get();
        }
        Artifact report = new DefaultArtifact(groupId, artifactId, classifier, "json", version);
        try {
            return Optional.of(system.resolveArtifact(session, new ArtifactRequest(report, repositories, null))
                    .getArtifact()
                    .getFile()
                    .toPath());
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException(
                    "bootsplice: cannot resolve baseline report " + report + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the highest version in {@code versions} that is below {@code currentVersion} and is not a
     * snapshot, in Maven's version order, or empty when there is none.
     */
    static Optional<String> previousRelease(List<String> versions, String currentVersion) {
        ComparableVersion current = new ComparableVersion(currentVersion);
        return versions.stream()
                .filter(v -> !v.endsWith("-SNAPSHOT"))
                .filter(v -> new ComparableVersion(v).compareTo(current) < 0)
                .max(Comparator.comparing(ComparableVersion::new));
    }

    private List<String> availableVersions(Artifact range) throws MojoExecutionException {
        try {
            return system
                    .resolveVersionRange(session, new VersionRangeRequest(range, repositories, null))
                    .getVersions()
                    .stream()
                    .map(Version::toString)
                    .toList();
        } catch (VersionRangeResolutionException e) {
            throw new MojoExecutionException(
                    "bootsplice: cannot list the versions of " + range + ": " + e.getMessage(), e);
        }
    }
}
