/**
 * The HTTP edge: problem+json errors, request guards, JSON-only bodies, and the server-rendered
 * pages.
 */
package fr.recouvrement.web;
