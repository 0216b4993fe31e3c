// 1.0 published its report; 1.1 was compared with it and passed; 1.2 regressed and only warned;
// 1.3, compared with the same report given as a file, failed.
import groovy.json.JsonSlurper

File repo = new File(localRepositoryPath, 'dev/bootsplice/it/check-release-baseline')
File published = new File(repo, '1.0/check-release-baseline-1.0-bootsplice-report.json')
assert published.isFile() : "the 1.0 report was not installed at $published"
assert new File(repo, '1.0/check-release-baseline-1.0.zbi').isFile()
def baseline = new JsonSlurper().parse(published)
assert baseline.strategies*.name == ['clone', 'transfer']

String log = new File(basedir, 'build.log').getText('UTF-8').replaceAll(/\u001B\[[;\d]*m/, '')  // without colours
def invocations = log.split(/(?m)^\[INFO\] Scanning for projects/).findAll { it.contains('BUILD') }
assert invocations.size() == 4 : "expected four builds in build.log, got ${invocations.size()}"

// 1.0: the first release has nothing to compare with.
assert invocations[0].contains('bootsplice: no earlier release of dev.bootsplice.it:check-release-baseline')
assert invocations[0].contains('BUILD SUCCESS')

// 1.1: compared with the report of 1.0, same image, no regression.
assert invocations[1].contains("bootsplice: baseline ${published.name}")
assert invocations[1].contains('bootsplice: no regression beyond 5')
assert invocations[1].contains('BUILD SUCCESS')

// 1.2: a 90 KB library more; boot cost grew far past 5 %, reported as warnings, and the build passed.
def warnings = invocations[2].readLines().findAll { it.startsWith('[WARNING] bootsplice: regression: ') }
assert !warnings.isEmpty() : invocations[2]
assert warnings.any { it.contains('bootCost') }
assert invocations[2].contains('BUILD SUCCESS')

// 1.3: the baseline file wins over baselineVersion; the same regressions now fail the build, one line each.
def errors = invocations[3].readLines().findAll { it.startsWith('[ERROR] bootsplice: check failed: ') }
        .collect { it - ' -> [Help 1]' }
assert errors.size() == warnings.size() : "1.2 warned ${warnings.size()} times, 1.3 failed ${errors.size()} times"
assert errors.collect { it - '[ERROR] bootsplice: check failed: ' } ==
        warnings.collect { it - '[WARNING] bootsplice: regression: ' }
assert invocations[3].contains("bootsplice: baseline") == false : 'a release was resolved although a file was given'
assert invocations[3].contains('BUILD FAILURE')
assert invocations[3].contains(": bootsplice: ${errors.size()} checks failed")

// The report of the last build names the larger image.
def current = new JsonSlurper().parse(new File(basedir, 'target/bootsplice/report.json'))
assert current.image.path == 'target/check-release-baseline-1.3.zbi'
assert current.image.files == baseline.image.files + 1
assert current.strategies.find { it.name == 'clone' }.bootCost.modeledNs >
        baseline.strategies.find { it.name == 'clone' }.bootCost.modeledNs
return true
