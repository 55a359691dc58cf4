"""What handlers are given: the service, injected by name."""

from litestar.di import NamedDependency

from provenance.service import ProvenanceService

Service = NamedDependency[ProvenanceService]
