// Navigation destinations.
package cn.photoday.app.ui

object Routes {
    const val IMPORT = "import"

    const val HOME = "student/home"
    const val PASS = "student/pass"
    const val CODE = "student/code"
    const val CODE_FULL = "student/code/full"
    const val CHECKLIST = "student/checklist"
    const val TIMELINE = "student/timeline"
    const val NOTICE = "student/notice"

    const val SCAN = "staff/scan"
    const val STATION = "staff/station"
    const val BATCH = "staff/batch"
    const val ATTENDANCE = "staff/attendance"
    const val LOGS = "staff/logs"
}
