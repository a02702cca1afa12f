package app.heft.android.ui

import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.CheckCircle
import androidx.compose.material.icons.filled.Info
import androidx.compose.material.icons.filled.Warning
import androidx.compose.material3.Icon
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.vector.ImageVector
import app.heft.android.ui.theme.LocalToneColors
import app.heft.core.model.Tone

/** The colour of a core tone. */
@Composable
fun Tone.color(): Color {
    val tones = LocalToneColors.current
    return when (this) {
        Tone.GOOD -> tones.good
        Tone.CAUTION -> tones.caution
        Tone.ALERT -> tones.alert
        Tone.NEUTRAL -> tones.neutral
    }
}

/**
 * The icon of a core tone, so that colour is never the only cue: a tick,
 * an "i" for caution, a warning sign for an alert; none for neutral.
 */
fun Tone.icon(): ImageVector? = when (this) {
    Tone.GOOD -> Icons.Filled.CheckCircle
    Tone.CAUTION -> Icons.Filled.Info
    Tone.ALERT -> Icons.Filled.Warning
    Tone.NEUTRAL -> null
}

/**
 * A tone's icon in its colour. Decorative for TalkBack: the text beside it
 * says the same in words (docs/SCREENS.md, `Tone`).
 */
@Composable
fun ToneIcon(tone: Tone, modifier: Modifier = Modifier) {
    val icon = tone.icon() ?: return
    Icon(icon, contentDescription = null, tint = tone.color(), modifier = modifier)
}
