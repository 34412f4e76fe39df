// Type-checking stub: androidx.lifecycle 2.8's CreationExtras; for type-checking only; never shipped.
package androidx.lifecycle.viewmodel

abstract class CreationExtras
