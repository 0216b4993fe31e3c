// Checks the four report files and that the JSON numbers agree with each other and with the image.
import groovy.xml.XmlSlurper
import dev.bootsplice.format.ZbiImage
import dev.bootsplice.profile.ProfileOptions
import dev.bootsplice.profile.Profiler
import groovy.json.JsonSlurper
import java.security.MessageDigest

File dir = new File(basedir, 'target/bootsplice')
File image = new File(basedir, 'target/profile-reports-1.0.zbi')
assert image.isFile()

def json = new JsonSlurper().parse(new File(dir, 'report.json'))
assert json.tool.name == 'bootsplice'
assert json.image.path == 'target/profile-reports-1.0.zbi'
assert json.image.sha256 == MessageDigest.getInstance('SHA-256').digest(image.bytes).encodeHex().toString()
assert json.image.files == 4
assert json.image.pages == (json.image.bootfsBytes + 4095).intdiv(4096)
assert json.trace.name == 'all'
assert json.costModel.name == 'default'
assert json.strategies*.name == ['clone', 'copy', 'transfer']

def byName = json.strategies.collectEntries { [it.name, it] }
json.strategies.each { s ->
    assert s.bootCost.modeledNs == s.setup.modeledNs + s.lookup.modeledNs : "bootCost of ${s.name}"
    assert s.lookup.accesses == json.trace.accesses : "accesses of ${s.name}"
    assert s.lookup.hops.p50 <= s.lookup.hops.p90 && s.lookup.hops.p90 <= s.lookup.hops.p99
    assert s.lookup.hops.p99 <= s.lookup.hops.max
    assert Math.abs(s.lookup.hops.mean * s.lookup.accesses - s.lookup.hops.total) < 1e-6 * (1 + s.lookup.hops.total)
    assert s.memory.peakPages >= s.memory.endPages
}
// The trace reads every page of every file: libtable.so alone is 3 pages.
assert json.trace.accesses >= json.image.files + 2
// A transfer or a copy gives each file pages of its own; a clone reads through its parent.
assert byName.transfer.lookup.hops.max == 0
assert byName.copy.lookup.hops.max == 0
assert byName.clone.lookup.hops.max >= 1
assert byName.transfer.setup.pagesMoved > 0 && byName.transfer.setup.pagesCopied == 0
assert byName.copy.setup.pagesCopied > 0 && byName.copy.setup.pagesMoved == 0
assert json.comparison.baseline == 'clone'
assert json.comparison.rows*.strategy == ['copy', 'transfer']

// Profiling the image straight through the library (what `bootsplice profile` runs) gives the same numbers:
// everything but the measured wall times (medians and every run's time) and the warm-up's round count (it lasts
// a minimum time).
def withoutTimes
// warmUpRounds too: the rounds that fit in the 300 ms warm-up depend on the machine's load
withoutTimes = { node ->
    node instanceof Map ? node.findAll { k, v -> k != 'measuredNs' && k != 'measured' && k != 'warmUpRounds' }.collectEntries { k, v -> [k, withoutTimes(v)] }
            : node instanceof List ? node.collect { withoutTimes(it) } : node
}
ZbiImage zbi = ZbiImage.open(image.toPath())
try {
    def direct = Profiler.profile(zbi, ProfileOptions.defaults().withImagePath('target/profile-reports-1.0.zbi'))
    assert withoutTimes(new JsonSlurper().parseText(direct.toJson())) == withoutTimes(json)
} finally {
    zbi.close()
}

String markdown = new File(dir, 'report.md').getText('UTF-8')
['clone', 'copy', 'transfer'].each { assert markdown.contains(it) }
String html = new File(dir, 'report.html').getText('UTF-8')
assert html.contains('<html') && html.contains('transfer')
assert !(html =~ /(src|href)="https?:/) : 'the HTML report must not load anything from the network'

// JUnit XML: one case per strategy and per budget, all passing; a copy where CI collects test reports.
File junit = new File(basedir, 'target/surefire-reports/TEST-bootsplice.xml')
assert junit.isFile()
assert junit.bytes == new File(dir, 'report.junit.xml').bytes
def suite = new XmlSlurper().parse(junit)
def cases = suite.'**'.findAll { it.name() == 'testcase' }
assert cases.size() == 6 : "expected 3 strategies + 2 budgets + 1 size budget, got ${cases*.@name}"
assert cases.every { it.failure.size() == 0 }
assert cases*.@name*.toString().any { it.contains('transfer.lookup.hops.max>0') }
assert cases.any { it.@classname.toString() == 'bootsplice.profile.size' && it.@name.toString() == 'size[*]>1GiB' }

String log = new File(basedir, 'build.log').getText('UTF-8').replaceAll(/\u001B\[[;\d]*m/, '')  // without colours
assert log.contains('bootsplice: 3 budgets passed')
return true
