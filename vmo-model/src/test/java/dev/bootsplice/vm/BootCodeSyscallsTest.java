package dev.bootsplice.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootsplice.vm.scenario.ScenarioRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Properties, replace_as_executable, ZX_INFO_VMO and ZERO_CHILDREN: the Java API and the scenario statements' failures. */
class BootCodeSyscallsTest {
    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    private static void assertStatus(ZxStatus want, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ZxException.class).satisfies(e -> assertThat(((ZxException) e).status())
                .isEqualTo(want));
    }

    private String runScenario(String text) throws Exception {
        Path f = dir.resolve("s.vmo");
        Files.writeString(f, text);
        StringWriter out = new StringWriter();
        new ScenarioRunner().run(List.of(f), new PrintWriter(out));
        return out.toString().lines().findFirst().orElseThrow().replace(f.toString(), "s.vmo");
    }

    @Test
    void replaceAsExecutableKeepsTheVmoAliveAndTheInvariantsHold() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int v = k.vmoCreate(PAGE, 0);
        k.vmoWrite(v, new byte[] {7}, 0, 0, 1);
        int x = k.vmoReplaceAsExecutable(v, 0);
        assertThat(k.handleRights(x)).isEqualTo(Rights.DEFAULT_VMO | Rights.EXECUTE);
        assertStatus(ZxStatus.ERR_BAD_HANDLE, () -> k.handleRights(v));
        assertThat(k.stats().vmos()).isEqualTo(1);
        assertThat(k.ownedPages(x)).isEqualTo(1);
        k.checkInvariants();
    }

    @Test
    void replaceAsExecutableRemovesTheHandleEvenWhenVmexIsRejected() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int v = k.vmoCreate(PAGE, 0);
        int event = k.eventCreate();
        assertStatus(ZxStatus.ERR_WRONG_TYPE, () -> k.vmoReplaceAsExecutable(v, event));
        assertStatus(ZxStatus.ERR_BAD_HANDLE, () -> k.handleRights(v));
        assertThat(k.stats().vmos()).as("the only handle went, so the VMO died").isZero();
        assertStatus(ZxStatus.ERR_BAD_HANDLE, () -> k.vmoReplaceAsExecutable(event, 0));
        assertStatus(ZxStatus.ERR_BAD_HANDLE, () -> k.handleRights(event));
    }

    @Test
    void infoOfASnapshotChildReportsParentFlagsRightsAndOwnedBytes() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int p = k.vmoCreate(2 * PAGE, 0);
        k.setName(p, "bootfs");
        int c = k.vmoCreateChild(p, VmoOptions.CHILD_SNAPSHOT | VmoOptions.CHILD_NO_WRITE, 0, 5000);
        k.setName(c, "bin/sh");
        VmoInfo info = k.objectGetInfoVmo(c);
        assertThat(info.name()).isEqualTo("bin/sh");
        assertThat(info.parentKoid()).isEqualTo(k.koid(p));
        assertThat(info.sizeBytes()).isEqualTo(2 * PAGE);
        assertThat(info.flags())
                .isEqualTo(VmoInfo.TYPE_PAGED | VmoInfo.VIA_HANDLE | VmoInfo.IS_COW_CLONE | VmoInfo.IMMUTABLE);
        assertThat(info.handleRights()).isEqualTo(k.handleRights(c));
        assertThat(k.objectGetInfoVmo(p).numChildren()).isEqualTo(1);
        int e = k.eventCreate();
        assertStatus(ZxStatus.ERR_WRONG_TYPE, () -> k.objectGetInfoVmo(e));
    }

    @Test
    void contentSizeBelowTheSizeZeroesTheTailEvenThroughANoWriteHandle() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int p = k.vmoCreate(PAGE, 0);
        byte[] ones = new byte[PAGE];
        java.util.Arrays.fill(ones, (byte) 1);
        k.vmoWrite(p, ones, 0, 0, PAGE);
        int ro = k.handleDuplicate(p, Rights.READ | Rights.SET_PROPERTY | Rights.GET_PROPERTY);
        k.setContentSize(ro, 10);
        byte[] page = new byte[PAGE];
        k.vmoRead(p, page, 0, 0, PAGE);
        assertThat(page[9]).isEqualTo((byte) 1);
        assertThat(page[10]).isZero();
        assertThat(k.getContentSize(ro)).isEqualTo(10);
        k.checkInvariants();
    }

    @Test
    void waitOneNeedsWaitAndTimesOutWhenTheSignalIsClear() {
        Kernel k = new Kernel(KernelConfig.defaults());
        int p = k.vmoCreate(PAGE, 0);
        assertThat(k.objectWaitOne(p, Signals.VMO_ZERO_CHILDREN)).isEqualTo(Signals.VMO_ZERO_CHILDREN);
        k.vmoCreateChild(p, VmoOptions.CHILD_SLICE, 0, PAGE);
        assertStatus(ZxStatus.ERR_TIMED_OUT, () -> k.objectWaitOne(p, Signals.VMO_ZERO_CHILDREN));
        int noWait = k.handleDuplicate(p, Rights.READ);
        assertStatus(ZxStatus.ERR_ACCESS_DENIED, () -> k.objectWaitOne(noWait, Signals.VMO_ZERO_CHILDREN));
    }

    @Test
    void expectNameWithoutGetPropertyFailsWithTheStatus() throws Exception {
        assertThat(runScenario("v = vmo_create 1p\nr = handle_duplicate v READ\nexpect_name r \"\"\n"))
                .startsWith("FAIL s.vmo:3: expect_name r \"\": ")
                .contains("lacks GET_PROPERTY");
    }

    @Test
    void expectSignalWithoutWaitFailsWithTheStatus() throws Exception {
        assertThat(runScenario("v = vmo_create 1p\nr = handle_duplicate v READ\nexpect_signal r ZERO_CHILDREN on\n"))
                .startsWith("FAIL s.vmo:3: expect_signal r ZERO_CHILDREN on: ")
                .contains("lacks WAIT");
    }

    @Test
    void mismatchedInfoFlagsNameBothSets() throws Exception {
        assertThat(runScenario("v = vmo_create 1p RESIZABLE\nexpect_info v flags PAGED|VIA_HANDLE\n"))
                .isEqualTo("FAIL s.vmo:2: expect_info v flags PAGED|VIA_HANDLE: expected flags PAGED|VIA_HANDLE, "
                        + "found PAGED|RESIZABLE|VIA_HANDLE");
    }

    @Test
    void mismatchedNameSignalAndParentSayWhatWasFound() throws Exception {
        assertThat(runScenario("v = vmo_create 1p\nset_name v \"a\"\nexpect_name v \"b\"\n"))
                .endsWith("expected name \"b\", found \"a\"");
        assertThat(runScenario("v = vmo_create 1p\nexpect_signal v ZERO_CHILDREN off\n"))
                .endsWith("expected ZERO_CHILDREN off, found on");
        assertThat(
                        runScenario(
                                "v = vmo_create 1p\nw = vmo_create 1p\nc = vmo_create_child v SNAPSHOT 0 1p\nexpect_info c parent w\n"))
                .contains("expected parent_koid")
                .contains("(w), found ");
    }

    @Test
    void badNewStatementsAreSyntaxErrorsNamingTheLine() throws Exception {
        assertThat(runScenario("v = vmo_create 1p\nexpect_info v colour 1\n"))
                .contains(":2: syntax error: unknown info field 'colour'");
        assertThat(runScenario("v = vmo_create 1p\nexpect_signal v READABLE on\n"))
                .contains(":2: syntax error: unknown signal 'READABLE'");
        assertThat(runScenario("v = vmo_create 1p\nexpect_signal v ZERO_CHILDREN yes\n"))
                .contains(":2: syntax error: expected on or off");
        assertThat(runScenario("v = vmo_create 1p\nexpect_info v flags PAGED|SHINY\n"))
                .contains(":2: syntax error: unknown option 'SHINY'");
        assertThat(runScenario("v = vmo_create 1p\nexpect_info v parent nobody\n"))
                .contains(":2: syntax error: name 'nobody' is not bound");
        assertThat(runScenario("v = vmo_create 1p\nset_name v\n"))
                .contains(":2: syntax error: set_name takes 2 arguments, got 1");
    }

    @Test
    void replacedHandleIsUnboundEvenWhenTheCallFails() throws Exception {
        assertThat(runScenario("e = event_create\nreplace_as_executable e -> ERR_BAD_HANDLE\nhandle_close e\n"))
                .contains(":3: handle_close e: 'e' is not bound (it was closed or replaced)");
    }
}
