// The clone budget failed the build with one error line naming it; the transfer budget held.
import groovy.xml.XmlSlurper

String log = new File(basedir, 'build.log').getText('UTF-8').replaceAll(/\u001B\[[;\d]*m/, '')  // without colours
def errors = log.readLines().findAll { it.startsWith('[ERROR]') }

assert errors.any { it.contains('Failed to execute goal') && it.contains(':check') && it.endsWith(': bootsplice: 1 check failed') } : errors.join('\n')
// The same line `bootsplice profile --fail-on` prints on stderr.
def budgetLines = errors.findAll { it.startsWith('[ERROR] bootsplice: check failed: ') }
assert budgetLines.size() == 1 : "expected one failed budget line in:\n${errors.join('\n')}"
assert (budgetLines[0] - ' -> [Help 1]') ==~
        /\[ERROR\] bootsplice: check failed: clone\.lookup\.hops\.max>0: actual [1-9]\d* \(FAILED\)/
assert !errors.any { it.contains('check failed') && it.contains('transfer.lookup.hops.max') }

// profile ran before check and wrote its reports; the JUnit report shows the same verdicts.
assert new File(basedir, 'target/bootsplice/report.json').isFile()
def suite = new XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-bootsplice.xml'))
def cases = suite.'**'.findAll { it.name() == 'testcase' }
def failed = cases.findAll { it.failure.size() > 0 }*.@name*.toString()
assert failed.size() == 1 && failed[0].contains('clone.lookup.hops.max>0') : "failed cases: $failed"
return true
