package se.motesdagen.archbad.util;

import org.springframework.stereotype.Controller;

/** Fixture: a controller outside any web package. */
@Controller
class LostController {}
