package dev.bootsplice.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bootsplice.profile.CostModel;
import dev.bootsplice.profile.CostModel.Op;
import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.profile.ProfileReport.ComparisonRow;
import dev.bootsplice.testing.SampleReports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class Rfc0223Test {
    private static ComparisonRow row(ProfileReport r, String strategy) {
        return r.comparison().rows().stream()
                .filter(x -> x.strategy().equals(strategy))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void underTheReportsOwnModelTheFiguresAreTheReportsComparisonRows() throws Exception {
        ProfileReport r = SampleReports.profile();
        Rfc0223.Figures f =
                Rfc0223.of(r, List.of(CostModel.defaults())).figures().get(0);
        assertThat(f.lookupImprovementPct()).isCloseTo(row(r, "transfer").lookupImprovementPct(), within(1e-9));
        assertThat(f.copyBootChangePct()).isCloseTo(row(r, "copy").bootCostChangePct(), within(1e-9));
        assertThat(f.copySetupChangePct()).isCloseTo(row(r, "copy").setupChangePct(), within(1e-9));
        long clone = r.strategy("clone").orElseThrow().setup().modeledNs();
        long copy = r.strategy("copy").orElseThrow().setup().modeledNs();
        long transfer = r.strategy("transfer").orElseThrow().setup().modeledNs();
        assertThat(f.recoupedPct()).isCloseTo(100.0 * (copy - transfer) / (copy - clone), within(1e-9));
    }

    @Test
    void aModelWhereMovingCostsAsMuchAsCopyingRecoupsLittleAndSaysWhy() throws Exception {
        ProfileReport r = SampleReports.profile();
        CostModel d = CostModel.defaults();
        CostModel dear = new CostModel(
                "dear-move",
                "test",
                java.util.Map.of(
                        Op.SYSCALL,
                        d.ns(Op.SYSCALL),
                        Op.VMO_CREATE,
                        d.ns(Op.VMO_CREATE),
                        Op.PAGE_ALLOC,
                        d.ns(Op.PAGE_ALLOC),
                        Op.PAGE_ZERO,
                        d.ns(Op.PAGE_ZERO),
                        Op.PAGE_COPY,
                        d.ns(Op.PAGE_COPY),
                        Op.PAGE_MOVE,
                        600.0,
                        Op.PAGE_FAULT,
                        d.ns(Op.PAGE_FAULT),
                        Op.LOOKUP_HOP,
                        d.ns(Op.LOOKUP_HOP),
                        Op.SHARE_COUNT_UPDATE,
                        d.ns(Op.SHARE_COUNT_UPDATE)));
        Rfc0223 claims = Rfc0223.of(r, List.of(d, dear));
        Rfc0223.Figures f = claims.figures().get(1);
        assertThat(f.recoupedPct()).isLessThan(claims.figures().get(0).recoupedPct());
        StringWriter out = new StringWriter();
        claims.write(new PrintWriter(out, true));
        String text = out.toString();
        assertThat(text)
                .contains(
                        "bootfs lookup, transfer vs clone chains",
                        "~20% faster",
                        "up to +70%",
                        "most",
                        "default",
                        "dear-move",
                        "dear-move: test");
        assertThat(text.lines().filter(l -> l.startsWith("  disagrees: ")).count())
                .isEqualTo(claims.figures().stream()
                        .mapToLong(x -> x.notes().size())
                        .sum());
    }

    @Test
    void withoutCloneCopyAndTransferThereIsNothingToSetBesideTheRfc() throws Exception {
        ProfileReport r = SampleReports.profile();
        ProfileReport noCopy = new ProfileReport(
                r.tool(),
                r.image(),
                r.trace(),
                r.costModel(),
                List.of(
                        r.strategy("clone").orElseThrow(),
                        r.strategy("transfer").orElseThrow()),
                r.comparison());
        assertThatThrownBy(() -> Rfc0223.of(noCopy, List.of(CostModel.defaults())))
                .hasMessageContaining("copy was not profiled");
    }
}
