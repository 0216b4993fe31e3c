// The truncated image fails the build with exactly the command line's one-line message, no stack trace.
String log = new File(basedir, 'build.log').getText('UTF-8').replaceAll(/\u001B\[[;\d]*m/, '')  // without colours
String image = new File(basedir, 'src/truncated.zbi').absolutePath
String expected = "bootsplice: ${image}: at 0x0: container doesn't fit. Truncated?"

def errorLines = log.readLines().findAll { it.startsWith('[ERROR]') }
assert errorLines.any { it.contains(expected) } : "no line with <$expected> in:\n${errorLines.join('\n')}"
assert !log.contains('ZbiFormatException') : 'the exception class leaked into the message'
assert !log.contains('\tat dev.bootsplice') : 'a stack trace was printed'
// Nothing was reported for an image that could not be read.
assert !new File(basedir, 'target/bootsplice/report.json').exists()
return true
