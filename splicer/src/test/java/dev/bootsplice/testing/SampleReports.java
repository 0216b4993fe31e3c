package dev.bootsplice.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bootsplice.format.Compression;
import dev.bootsplice.profile.ProfileOptions;
import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.profile.Profiler;
import dev.bootsplice.splice.Strategy;
import java.util.List;

/** Profile reports of the adversarial test image, and edited copies for comparison tests. */
public final class SampleReports {
    private static ProfileReport report;

    private SampleReports() {}

    /** A profile of the adversarial image with all four strategies (computed once). */
    public static synchronized ProfileReport profile() throws Exception {
        if (report == null) {
            byte[] zbi = TestImages.zbi(TestImages.adversarialFiles(), Compression.DEFAULT);
            report = Profiler.profile(
                    TestImages.image(zbi, "adversarial.zbi"),
                    ProfileOptions.defaults().withStrategies(List.of(Strategy.values())));
        }
        return report;
    }

    /** {@code r} with the metric at {@code path} of {@code strategy} multiplied by {@code factor}. */
    public static ProfileReport scaled(ProfileReport r, String strategy, String path, double factor) throws Exception {
        return edited(r, strategy, path, old -> Math.round(old * factor));
    }

    /** {@code r} with the metric at {@code path} of {@code strategy} set to {@code value}. */
    public static ProfileReport with(ProfileReport r, String strategy, String path, long value) throws Exception {
        return edited(r, strategy, path, old -> value);
    }

    /** {@code r} with the metric at {@code path} of {@code strategy} replaced by {@code change(old)}. */
    private static ProfileReport edited(
            ProfileReport r, String strategy, String path, java.util.function.DoubleToLongFunction change)
            throws Exception {
        ObjectNode tree = (ObjectNode) r.toTree();
        for (var s : tree.withArray("strategies")) {
            if (s.path("name").asText().equals(strategy)) {
                String[] parts = path.split("\\.");
                ObjectNode node = (ObjectNode) s;
                for (int i = 0; i < parts.length - 1; i++) {
                    node = (ObjectNode) node.get(parts[i]);
                }
                String leaf = parts[parts.length - 1];
                node.put(leaf, change.applyAsLong(node.get(leaf).asDouble()));
            }
        }
        return ProfileReport.fromJson(tree.toString());
    }
}
