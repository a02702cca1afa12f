package app.heft.android.ui.theme

import android.os.Build
import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.material3.ColorScheme
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.dynamicDarkColorScheme
import androidx.compose.material3.dynamicLightColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.runtime.Immutable
import androidx.compose.runtime.staticCompositionLocalOf
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.platform.LocalContext

/** Before Android 12 (no dynamic colour): a green of Heft's own. */
private val FallbackLight = lightColorScheme(
    primary = Color(0xFF2E6B30),
    onPrimary = Color(0xFFFFFFFF),
    primaryContainer = Color(0xFFB1F2A9),
    onPrimaryContainer = Color(0xFF002204),
    secondary = Color(0xFF53634F),
    tertiary = Color(0xFF38656A),
    error = Color(0xFFBA1A1A),
)

private val FallbackDark = darkColorScheme(
    primary = Color(0xFF96D58F),
    onPrimary = Color(0xFF003909),
    primaryContainer = Color(0xFF145219),
    onPrimaryContainer = Color(0xFFB1F2A9),
    secondary = Color(0xFFBACCB3),
    tertiary = Color(0xFFA0CFD4),
    error = Color(0xFFFFB4AB),
)

/**
 * The colours of the core's tones beside the Material scheme: good and
 * caution have no Material role. Each tone also has its icon (Tones.kt):
 * colour is never the only cue.
 */
@Immutable
data class ToneColors(val good: Color, val caution: Color, val alert: Color, val neutral: Color)

private fun toneColors(scheme: ColorScheme, dark: Boolean) = ToneColors(
    good = if (dark) Color(0xFF8BD88A) else Color(0xFF1E6B24),
    caution = if (dark) Color(0xFFF2C14E) else Color(0xFF7A5900),
    alert = scheme.error,
    neutral = scheme.onSurfaceVariant,
)

val LocalToneColors = staticCompositionLocalOf {
    ToneColors(Color.Unspecified, Color.Unspecified, Color.Unspecified, Color.Unspecified)
}

/**
 * Material 3 with the wallpaper's colours where the phone has them
 * (Android 12 and newer), Heft's green elsewhere; dark with the system.
 */
@Composable
fun HeftTheme(
    dark: Boolean = isSystemInDarkTheme(),
    dynamicColor: Boolean = true,
    content: @Composable () -> Unit,
) {
    val scheme = when {
        dynamicColor && Build.VERSION.SDK_INT >= Build.VERSION_CODES.S -> {
            val context = LocalContext.current
            if (dark) dynamicDarkColorScheme(context) else dynamicLightColorScheme(context)
        }
        dark -> FallbackDark
        else -> FallbackLight
    }
    androidx.compose.runtime.CompositionLocalProvider(LocalToneColors provides toneColors(scheme, dark)) {
        MaterialTheme(colorScheme = scheme, content = content)
    }
}
