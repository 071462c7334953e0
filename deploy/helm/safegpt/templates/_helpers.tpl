{{- define "safegpt.fullname" -}}
{{- if contains "safegpt" .Release.Name -}}{{ .Release.Name | trunc 50 | trimSuffix "-" }}{{- else -}}{{ printf "%s-safegpt" .Release.Name | trunc 50 | trimSuffix "-" }}{{- end -}}
{{- end -}}

{{- define "safegpt.labels" -}}
app.kubernetes.io/name: safegpt
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "safegpt.selector" -}}
app.kubernetes.io/name: safegpt
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "safegpt.secretName" -}}
{{- if .Values.secrets.existingSecret -}}{{ .Values.secrets.existingSecret }}{{- else -}}{{ include "safegpt.fullname" . }}-keys{{- end -}}
{{- end -}}

{{- define "safegpt.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag }}
{{- end -}}

{{/* Pod security shared by every SafeGPT-image container: the image's non-root user, nothing else. */}}
{{- define "safegpt.podSecurity" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "safegpt.containerSecurity" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
{{- end -}}

{{/* Environment of `safegpt serve` and `safegpt setup`: the settings file and every key from the Secret. */}}
{{- define "safegpt.env" -}}
- name: SAFEGPT_CONFIG
  value: /etc/safegpt/safegpt.toml
{{- if .Values.postgresql.bundled }}
- name: POSTGRES_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ include "safegpt.secretName" . }}, key: POSTGRES_PASSWORD}
- name: SAFEGPT_DATABASE_URL
  value: "postgresql+psycopg://safegpt:$(POSTGRES_PASSWORD)@{{ include "safegpt.fullname" . }}-postgresql:5432/safegpt"
{{- end }}
- name: SAFEGPT_AUTH__HEADER_ENABLED
  value: {{ .Values.sso.header.enabled | quote }}
- name: SAFEGPT_AUTH__HEADER_USER
  value: {{ .Values.sso.header.name | quote }}
{{- /* Staff open https://<host>: cookies get the Secure flag, and only this origin may post the login. */}}
- name: SAFEGPT_SECURITY__PUBLIC_URL
  value: {{ printf "https://%s" .Values.host | quote }}
- name: SAFEGPT_SERVER__ALLOWED_ORIGINS
  value: {{ printf "[\"https://%s\"]" .Values.host | quote }}
{{- /* X-Forwarded-For is believed only from the ingress controller's pods. */}}
- name: SAFEGPT_SECURITY__TRUSTED_PROXIES
  value: {{ .Values.trustedProxies | toJson | quote }}
{{- with .Values.metrics.existingTokenKey }}
- name: SAFEGPT_USAGE__METRICS_TOKEN
  valueFrom:
    secretKeyRef: {name: {{ include "safegpt.secretName" $ }}, key: {{ . }}}
{{- end }}
{{- end -}}

{{/* The SafeGPT application pods (web and the setup job): the only clients of DB, Chroma and models. */}}
{{- define "safegpt.appPods" -}}
matchLabels: {{- include "safegpt.selector" . | nindent 2 }}
matchExpressions:
  - {key: app.kubernetes.io/component, operator: In, values: [web, setup]}
{{- end -}}
