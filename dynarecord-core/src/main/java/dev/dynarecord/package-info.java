/**
 * Dynarecord's public surface: {@link dev.dynarecord.Dynarecord} (global configuration),
 * {@link dev.dynarecord.Session} (the engine), {@link dev.dynarecord.Model} (the active-record
 * base class), {@link dev.dynarecord.Finder} and {@link dev.dynarecord.Tables}.
 */
package dev.dynarecord;
