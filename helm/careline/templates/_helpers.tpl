{{/* Chart name, overridable. */}}
{{- define "careline.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified release name. */}}
{{- define "careline.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "careline.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "careline.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "careline.selectorLabels" -}}
app.kubernetes.io/name: {{ include "careline.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "careline.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "careline.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Name of the Secret with the database password. */}}
{{- define "careline.databaseSecret" -}}
{{- default (include "careline.fullname" .) .Values.database.existingSecret }}
{{- end }}

{{/* Name of the Secret with the JWT public key, if a key file is mounted at all. */}}
{{- define "careline.jwtSecret" -}}
{{- if .Values.jwt.existingSecret }}{{ .Values.jwt.existingSecret }}{{ else if .Values.jwt.publicKey }}{{ include "careline.fullname" . }}{{ end }}
{{- end }}

{{- define "careline.jwtSecretKey" -}}
{{- if .Values.jwt.existingSecret }}{{ .Values.jwt.existingSecretKey }}{{ else }}publicKey.pem{{ end }}
{{- end }}

{{/* The image tag: the given one, else appVersion for the native image and appVersion-jvm for the JVM one. */}}
{{- define "careline.imageTag" -}}
{{- if .Values.image.tag }}
{{- .Values.image.tag }}
{{- else if eq .Values.image.variant "jvm" }}
{{- printf "%s-jvm" .Chart.AppVersion }}
{{- else }}
{{- .Chart.AppVersion }}
{{- end }}
{{- end }}

{{/* The Secret whose keys are push credentials as environment variables, if any. */}}
{{- define "careline.pushSecret" -}}
{{- if .Values.push.existingSecret }}{{ .Values.push.existingSecret }}{{ else if .Values.push.credentials }}{{ include "careline.fullname" . }}-push{{ end }}
{{- end }}

{{/* The Secret holding push.properties, if any. */}}
{{- define "careline.pushConfigSecret" -}}
{{- if .Values.push.existingConfigSecret }}{{ .Values.push.existingConfigSecret }}{{ else if .Values.push.config }}{{ include "careline.fullname" . }}-push-config{{ end }}
{{- end }}
