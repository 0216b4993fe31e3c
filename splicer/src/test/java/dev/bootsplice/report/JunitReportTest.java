package dev.bootsplice.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootsplice.profile.ProfileReport;
import dev.bootsplice.testing.SampleReports;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReportTest {
    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String junit(ProfileReport r, ReportContext context) throws Exception {
        StringWriter out = new StringWriter();
        Reports.write(r, ReportFormat.JUNIT, context, out);
        return out.toString();
    }

    private static List<Element> cases(Document d) {
        NodeList nodes = d.getElementsByTagName("testcase");
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    @Test
    void oneTestCasePerStrategyAndPerBudgetWithSchemaAttributes() throws Exception {
        ProfileReport r = SampleReports.profile();
        ReportContext context = ReportContext.of(
                r,
                null,
                null,
                List.of(Budget.parse("transfer.lookup.hops.max>0"), Budget.parse("clone.lookup.hops.max>0")));
        Document d = parse(junit(r, context));
        Element suite = (Element) d.getElementsByTagName("testsuite").item(0);
        assertThat(d.getDocumentElement().getTagName()).isEqualTo("testsuites");
        for (String attribute : List.of("name", "tests", "failures", "errors", "skipped", "time")) {
            assertThat(suite.hasAttribute(attribute)).as(attribute).isTrue();
        }
        assertThat(suite.getAttribute("tests")).isEqualTo("6");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(cases(d))
                .extracting(e -> e.getAttribute("name"))
                .containsExactly(
                        "clone",
                        "clone-sharecount",
                        "copy",
                        "transfer",
                        "transfer.lookup.hops.max>0",
                        "clone.lookup.hops.max>0");
        org.w3c.dom.NodeList properties = suite.getElementsByTagName("property");
        assertThat(properties.getLength())
                .as("one kernel property per strategy")
                .isEqualTo(4);
        Element first = (Element) properties.item(0);
        assertThat(first.getAttribute("name")).isEqualTo("kernel.clone");
        assertThat(first.getAttribute("value")).isEqualTo("2023 (RFC_0223, LEGACY_CHAIN)");
        for (Element c : cases(d)) {
            assertThat(c.getAttribute("classname")).startsWith("bootsplice.profile.");
            assertThat(Double.parseDouble(c.getAttribute("time"))).isGreaterThanOrEqualTo(0);
        }
        Element failure = (Element) d.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("budget");
        assertThat(failure.getAttribute("message")).startsWith("clone.lookup.hops.max>0: actual");
        assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("clone.lookup.hops.max>0");
    }

    @Test
    void aStrategyCaseFailsWhenItRegressedAgainstTheBaseline() throws Exception {
        ProfileReport old = SampleReports.profile();
        ProfileReport grown = SampleReports.scaled(old, "copy", "setup.modeledNs", 1.5);
        Document d = parse(junit(grown, ReportContext.of(grown, old, 5.0, List.of())));
        NodeList failures = d.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        Element failure = (Element) failures.item(0);
        assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("copy");
        assertThat(failure.getAttribute("type")).isEqualTo("regression");
        assertThat(failure.getAttribute("message")).contains("setup.modeledNs").contains("+50.0%");
    }

    @Test
    void aPassingRunHasNoFailureElements() throws Exception {
        Document d = parse(junit(SampleReports.profile(), ReportContext.NONE));
        assertThat(d.getElementsByTagName("failure").getLength()).isZero();
        assertThat(d.getElementsByTagName("testcase").getLength()).isEqualTo(4);
    }

    @Test
    void compareWritesOneCasePerStrategy() throws Exception {
        ProfileReport old = SampleReports.profile();
        ProfileReport grown = SampleReports.scaled(old, "clone", "lookup.hops.total", 3);
        StringWriter out = new StringWriter();
        Reports.writeComparison(ReportComparison.compare(old, grown, 5), ReportFormat.JUNIT, out);
        Document d = parse(out.toString());
        assertThat(cases(d))
                .extracting(e -> e.getAttribute("name"))
                .containsExactly("clone", "clone-sharecount", "copy", "transfer");
        assertThat(((Element) d.getElementsByTagName("testsuite").item(0)).getAttribute("failures"))
                .isEqualTo("1");
    }
}
